import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MurphyDecomposition } from "@/components/charts/MurphyDecomposition";
import { CalibrationPanel } from "@/components/track-records/CalibrationPanel";
import { DiscriminationPanel } from "@/components/track-records/DiscriminationPanel";
import { ScoresOverTimePanel } from "@/components/track-records/ScoresOverTimePanel";
import { ScoreTable, type ScoreTableEntry } from "@/components/track-records/ScoreTable";
import { Pager } from "@/components/ui/Pager";
import { questionPage } from "@/lib/question-paging";
import { CalibrationBinsField, FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { ContinuousScoreTable } from "@/components/track-records/ContinuousScoreTable";
import { PitCalibrationPanel } from "@/components/track-records/PitCalibrationPanel";
import { getDb } from "@/db/client";
import { crowdIncludesBots, findBot } from "@/db/queries/bots";
import { findForecasterName, forecasterTrackRecord, listResolvedQuestionTags } from "@/db/queries/track-records";
import { defaultPopulation, type Population } from "@/lib/population";
import { forecasterContinuousRecord } from "@/db/queries/continuous-track-records";
import { explainMurphyTerms } from "@/lib/track-records/murphy-explanations";
import { nextSortDirection, SCORE_TABLE_COLUMNS, sortScoreTable, type ScoreTableColumn, type SortDirection } from "@/lib/track-records/score-table";
import { forecasterProfileFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatNumber } from "@/lib/format/number";

/** Whose forecasts the profile's comparison scores (peer, relative Brier) set the forecaster against. */
const COMPARED_WITH: Record<Population, string> = {
  people: "people's forecasts",
  bots: "bots' forecasts",
  both: "everyone's forecasts (people and bots)",
};

type Props = {
  params: Promise<{ handle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function decodeHandle(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const forecaster = findForecasterName(getDb(), decodeHandle((await params).handle));
  return { title: forecaster ? `${forecaster.name}: track record` : "Forecaster not found" };
}

/** Scored questions per page of a profile's table. */
const SCORED_PER_PAGE = 50;

export default async function ForecasterProfilePage({ params, searchParams }: Props) {
  const handle = decodeHandle((await params).handle);
  const db = getDb();
  const forecaster = findForecasterName(db, handle);
  if (!forecaster) notFound();
  const raw = await searchParams;
  const { values, errors } = parseTrackRecordParams(forecasterProfileFields, raw);
  const sample = values.sample ?? "final";
  const bins = values.bins ?? 10;
  const sort: ScoreTableColumn = values.sort ?? "resolved";
  const dir: SortDirection = values.dir ?? "desc";

  const filter = { ...periodBounds(values), tag: values.tag ?? null };
  // Whose forecasts the comparison counts (peer and relative scores, the crowd), as on the leaderboard;
  // the forecaster's own forecasts always count, so a bot's profile shows its record against people too.
  const who = values.who ?? defaultPopulation(crowdIncludesBots(db));
  // Numeric and date rows join the pooled means and have their own PIT calibration.
  const continuous = forecasterContinuousRecord(db, handle, { filter, population: who, sample, bins });
  const continuousRows = continuous.rows;
  const record = forecasterTrackRecord(db, handle, { filter, population: who, sample, bins }, continuousRows.map((r) => r.row));
  const bot = findBot(db, handle);
  const tags = listResolvedQuestionTags(db);
  const s = record.summary;
  // A forecaster with nothing resolved yet (and no filter narrowing it) gets one sentence, not empty charts.
  const nothingYet = s.nQuestions === 0 && values.from === undefined && values.to === undefined && values.tag === undefined;

  const tableRows: ScoreTableEntry[] = record.rows.map((r) => ({
    questionId: r.row.question,
    type: r.type,
    question: r.title,
    resolved: r.resolveTime,
    final_forecast: r.finalForecast,
    outcome: r.outcomeText,
    final_brier: r.row.finalBrier,
    brier_time_avg: r.row.brierTimeAvg,
    relative_brier: r.row.relativeBrier,
    baseline: r.row.baseline,
    peer: r.row.peer,
    coverage: r.row.coverage,
  }));
  const base = new URLSearchParams();
  for (const key of ["from", "to", "tag", "who", "sample", "bins"] as const) {
    const v = values[key];
    if (v !== undefined) base.set(key, String(v));
  }
  const sortHrefs = Object.fromEntries(
    SCORE_TABLE_COLUMNS.map((column) => {
      const q = new URLSearchParams(base);
      q.set("sort", column);
      q.set("dir", nextSortDirection(column, sort, dir));
      return [column, `/forecasters/${encodeURIComponent(handle)}?${q}#scored-questions`];
    }),
  ) as Record<ScoreTableColumn, string>;
  // A forecaster with years of resolved questions has hundreds of rows: SCORED_PER_PAGE to a page.
  const scoredPage = questionPage(sortScoreTable(tableRows, sort, dir), values.page ?? 1, SCORED_PER_PAGE);
  const scoredPageHref = (n: number) => {
    const q = new URLSearchParams(base);
    if (values.sort !== undefined) q.set("sort", sort);
    if (values.dir !== undefined) q.set("dir", dir);
    if (n > 1) q.set("page", String(n));
    return `/forecasters/${encodeURIComponent(handle)}${q.size > 0 ? `?${q}` : ""}#scored-questions`;
  };
  const sampleLabel = sample === "final" ? "final forecasts" : "time-weighted forecasts";
  const countLabel = sample === "final" ? "forecasts" : "forecasts (time-weighted)";
  const fileStem = `${handle}-${sample}-${bins}bins`;

  return (
    <div className="stack">
      <PageHeader
        title={forecaster.name}
        lede={
          <>
            @{forecaster.handle}
            {bot ? (
              <span data-testid="profile-bot">
                {" "}· a bot ({bot.model}
                {bot.owner ? `, run by ${bot.owner.name}` : ""})
              </span>
            ) : null}{" "}
            · track record over resolved questions{selectionPhrase({ ...values, who: undefined })}; peer and relative scores compare with{" "}
            <span data-testid="profile-comparison">{COMPARED_WITH[who]}</span>
          </>
        }
      />
      <FilterErrors errors={errors} />
      {nothingYet ? (
        <p className="card" data-testid="profile-empty">
          Once a question {forecaster.name} forecast is resolved, their scores, calibration and score history appear
          here. <Link href="/questions?tab=open">See the open questions</Link>.
        </p>
      ) : null}
      {nothingYet ? null : (<>
      <TrackRecordFilters action={`/forecasters/${encodeURIComponent(handle)}`} from={values.from} to={values.to} tag={values.tag} tags={tags} who={who}>
        <div className="field">
          <label htmlFor="filter-sample">Calibration sample</label>
          <select id="filter-sample" name="sample" defaultValue={sample}>
            <option value="final">Final forecast per question</option>
            <option value="time_weighted">Every forecast, time-weighted</option>
          </select>
        </div>
        <CalibrationBinsField bins={bins} label="Bins" />
      </TrackRecordFilters>

      <section className="grid grid-3 stat-grid" aria-label="Summary" data-testid="forecaster-summary">
        <div className="stat card">
          <div className="stat-label">Questions scored</div>
          <div data-testid="summary-n-questions">{s.nQuestions}</div>
        </div>
        <div className="stat card">
          <div className="stat-label">Mean final Brier (0–1, lower is better)</div>
          <div data-testid="summary-mean-final-brier">{formatNumber(s.meanFinalBrier, "score")}</div>
        </div>
        <div className="stat card">
          <div className="stat-label">Mean peer score (points)</div>
          <div data-testid="summary-mean-peer">{formatNumber(s.meanPeer, "points")}</div>
        </div>
        <div className="stat card">
          <div className="stat-label">Mean baseline score (points)</div>
          <div>{formatNumber(s.meanBaseline, "points")}</div>
        </div>
        <div className="stat card">
          <div className="stat-label">Mean relative Brier (negative beats the crowd)</div>
          <div>{formatNumber(s.meanRelativeBrier, "score", { signed: true })}</div>
        </div>
        <div className="stat card">
          <div className="stat-label">Mean coverage</div>
          <div>{formatNumber(s.meanCoverage, "probability")}</div>
        </div>
        {continuousRows.length === 0 ? null : (
          <>
            <div className="stat card">
              <div className="stat-label">Mean CRPS, numeric and date (lower is better)</div>
              <div data-testid="summary-mean-crps">{formatNumber(s.meanCrps, "score")}</div>
            </div>
            <div className="stat card">
              <div className="stat-label">Mean PIT, numeric and date (50% is unbiased)</div>
              <div data-testid="summary-mean-pit">{formatNumber(s.meanPit, "probability")}</div>
            </div>
            <div className="stat card">
              <div className="stat-label">Mean log score, numeric and date (higher is better)</div>
              <div data-testid="summary-mean-log-score-continuous">{formatNumber(s.meanFinalLogScoreContinuous, "score")}</div>
            </div>
          </>
        )}
      </section>
      {continuousRows.length === 0 ? null : (
        <p className="muted small">
          Questions scored, baseline, peer and coverage count every question type (numeric and date scores are on
          the same scale as binary ones); the Brier scores are of binary and scenario questions only.
        </p>
      )}

      <h2 style={{ marginTop: "1.5rem" }}>Calibration and discrimination</h2>
      <section className="grid grid-2" aria-label="Calibration">
        <CalibrationPanel
          title={`Calibration (${sampleLabel}, ${bins} bins)`}
          description="Each dot is a bin at (mean forecast, observed frequency), sized by the number of forecasts, with its 95% Jeffreys interval; the dashed diagonal is perfect calibration. Underneath: how many forecasts fell in each bin."
          bins={record.calibration.bins}
          histogram={record.histogram}
          csvFilename={`${fileStem}-calibration.csv`}
          testId="reliability-diagram"
          countLabel={countLabel}
        />
        <div className="card">
          <MurphyDecomposition testId="murphy-decomposition" terms={explainMurphyTerms(record.calibration, record.calibration.bins, forecaster.name)} />
        </div>
      </section>

      <DiscriminationPanel bins={record.discrimination} csvFilename={`${fileStem}-discrimination.csv`} countLabel={countLabel} />
      <ScoresOverTimePanel points={record.overTime} csvFilename={`${handle}-scores-over-time.csv`} />

      {continuousRows.length === 0 ? null : (
        <section className="stack" aria-labelledby="continuous-calibration-title">
          <h2 id="continuous-calibration-title">Numeric and date questions: calibration</h2>
          <PitCalibrationPanel
            title={`PIT histogram (${sampleLabel}, ${bins} bins)`}
            description="Where each outcome fell in the forecast's own distribution (its CDF at the outcome). A calibrated forecaster's PITs are uniform: every bar near the dashed expected count. Bars high in the middle mean distributions too wide, high at both ends too narrow."
            calibration={continuous.calibration}
            whose={`${forecaster.name}'s`}
            csvFilename={`${fileStem}-pit.csv`}
            testId="continuous-calibration"
            countLabel={countLabel}
          />
        </section>
      )}

      <section id="scored-questions" aria-labelledby="scored-questions-title">
        <h2 id="scored-questions-title">Scored questions</h2>
        <ScoreTable rows={scoredPage.items} total={scoredPage.total} sort={sort} dir={dir} sortHrefs={sortHrefs} />
        <Pager
          label="Scored questions pages"
          page={scoredPage.page}
          pageCount={scoredPage.pageCount}
          summary={`${scoredPage.total} scored questions`}
          href={scoredPageHref}
        />
      </section>
      {continuousRows.length === 0 ? null : (
        <section id="scored-continuous-questions" aria-labelledby="scored-continuous-questions-title">
          <h2 id="scored-continuous-questions-title">Scored numeric and date questions</h2>
          <ContinuousScoreTable rows={continuousRows} />
        </section>
      )}
      </>)}
    </div>
  );
}
