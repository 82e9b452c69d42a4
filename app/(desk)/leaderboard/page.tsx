import Link from "next/link";
import { FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { getDb } from "@/db/client";
import { crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation } from "@/lib/population";
import { listResolvedQuestionTags, loadResolvedQuestions } from "@/db/queries/track-records";
import {
  DEFAULT_LEADERBOARD_RANKING,
  LEADERBOARD_RANKING_LABELS,
  LEADERBOARD_RANKINGS,
  higherIsBetter,
} from "@/lib/track-records/leaderboard";
import { leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { leaderboardFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatNumber } from "@/lib/format/number";
import { Table } from "@/components/ui/Table";

export const metadata = { title: "Leaderboard" };

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  const { values, errors } = parseTrackRecordParams(leaderboardFields, await searchParams);
  const ranking = values.rank ?? DEFAULT_LEADERBOARD_RANKING;
  const minQuestions = values.min ?? 1;
  const who = values.who ?? defaultPopulation(crowdIncludesBots(db));
  const inputs = loadResolvedQuestions(db, { ...periodBounds(values), tag: values.tag ?? null, population: who });
  const ranked = leaderboard(scoreResolvedQuestions(inputs.questions), inputs.forecasters, ranking, minQuestions);
  const tags = listResolvedQuestionTags(db);

  return (
    <div className="stack">
      <PageHeader
        title="Leaderboard"
        lede={
          <>
            Forecasters ranked by {LEADERBOARD_RANKING_LABELS[ranking].toLowerCase()} ({higherIsBetter(ranking) ? "higher" : "lower"} is better) over{" "}
            {inputs.questions.length} resolved question{inputs.questions.length === 1 ? "" : "s"}
            {selectionPhrase({ ...values, who })}.
          </>
        }
      />
      <FilterErrors errors={errors} />
      <TrackRecordFilters action="/leaderboard" from={values.from} to={values.to} tag={values.tag} tags={tags} who={who}>
        <div className="field">
          <label htmlFor="filter-rank">Rank by</label>
          <select id="filter-rank" name="rank" defaultValue={ranking}>
            {LEADERBOARD_RANKINGS.map((r) => (
              <option key={r} value={r}>
                {LEADERBOARD_RANKING_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-min">Minimum questions</label>
          <input id="filter-min" type="number" name="min" min={1} step={1} defaultValue={minQuestions} style={{ width: "6rem" }} />
        </div>
      </TrackRecordFilters>
      {ranked.length === 0 ? (
        <p className="muted" data-testid="leaderboard-empty">
          No forecaster has {minQuestions} or more scored questions in this selection.
        </p>
      ) : (
        <Table
          testId="leaderboard-table"
          rowCount={ranked.length}
          inCard={false}
          cardTitle={1}
          caption={`Leaderboard ranked by ${LEADERBOARD_RANKING_LABELS[ranking]}`}
          columns={[
            { label: "Rank", numeric: true },
            { label: "Forecaster" },
            { label: "Questions", numeric: true },
            { label: <span title="Points, higher is better">Mean peer</span>, cardLabel: "Mean peer", numeric: true },
            { label: <span title="Points, higher is better">Mean baseline</span>, cardLabel: "Mean baseline", numeric: true },
            { label: <span title="Negative beats the crowd">Mean relative Brier</span>, cardLabel: "Mean relative Brier", numeric: true },
            { label: <span title="0–1, lower is better">Mean final Brier</span>, cardLabel: "Mean final Brier", numeric: true },
            { label: "Sum of peer", numeric: true },
            { label: "Mean coverage", numeric: true },
          ]}
        >
              {ranked.map((r) => (
                <tr key={r.handle} data-handle={r.handle}>
                  <td className="num">{r.rank ?? "—"}</td>
                  <td>
                    <Link href={`/forecasters/${encodeURIComponent(r.handle)}`}>{r.name}</Link>
                  </td>
                  <td className="num">{r.summary.nQuestions}</td>
                  <td className="num">{formatNumber(r.summary.meanPeer, "points")}</td>
                  <td className="num">{formatNumber(r.summary.meanBaseline, "points")}</td>
                  <td className="num">{formatNumber(r.summary.meanRelativeBrier, "score", { signed: true })}</td>
                  <td className="num">{formatNumber(r.summary.meanFinalBrier, "score")}</td>
                  <td className="num">{formatNumber(r.summary.sumPeer, "points")}</td>
                  <td className="num">{formatNumber(r.summary.meanCoverage, "probability")}</td>
                </tr>
              ))}
        </Table>
      )}
    </div>
  );
}
