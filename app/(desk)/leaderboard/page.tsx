import { FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { getDb } from "@/db/client";
import { crowdIncludesBots } from "@/db/queries/bots";
import { defaultPopulation } from "@/lib/population";
import {
  countScoredQuestions,
  keptRowsServe,
  leaderboardPage,
  type LeaderboardPage,
  listResolvedQuestionTags,
  loadResolvedQuestions,
} from "@/db/queries/track-records";
import { loadResolvedContinuousQuestions } from "@/db/queries/continuous-track-records";
import { questionPage } from "@/lib/question-paging";
import { scoreContinuousQuestions } from "@/lib/track-records/continuous-record";
import { compareCodePoints } from "@/lib/code-point-order";
import { leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import {
  DEFAULT_LEADERBOARD_RANKING,
  LEADERBOARD_RANKING_LABELS,
  LEADERBOARD_RANKINGS,
  higherIsBetter,
} from "@/lib/track-records/leaderboard";
import { leaderboardFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatNumber } from "@/lib/format/number";
import { Pager } from "@/components/ui/Pager";
import { LeaderboardTable } from "./_components/LeaderboardTable";

export const metadata = { title: "Leaderboard" };

/** Forecasters per leaderboard page. */
const LEADERBOARD_PER_PAGE = 50;

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  const { values, errors } = parseTrackRecordParams(leaderboardFields, await searchParams);
  const ranking = values.rank ?? DEFAULT_LEADERBOARD_RANKING;
  const minQuestions = values.min ?? 1;
  const who = values.who ?? defaultPopulation(crowdIncludesBots(db));
  const filter = { ...periodBounds(values), tag: values.tag ?? null };
  // Ranked by the engine on the kept rows of the population (each forecaster's count and ranked value;
  // the whole summary read for the page's 50 only); bots only is scored on the request.
  let board: LeaderboardPage;
  let questionCount: number;
  if (keptRowsServe(db, who)) {
    board = leaderboardPage(db, { ...filter, population: who }, ranking, minQuestions, values.page ?? 1, LEADERBOARD_PER_PAGE);
    questionCount = countScoredQuestions(db, { ...filter, population: who });
  } else {
    const inputs = loadResolvedQuestions(db, { ...filter, population: who });
    const continuous = loadResolvedContinuousQuestions(db, { ...filter, population: who });
    const names = new Map([...inputs.forecasters, ...continuous.forecasters].map((f) => [f.handle, f]));
    const forecasters = [...names.values()].sort((a, b) => compareCodePoints(a.handle, b.handle));
    const continuousRows = scoreContinuousQuestions(continuous.questions).flatMap((q) => q.rows);
    const ranked = leaderboard(scoreResolvedQuestions(inputs.questions), forecasters, ranking, minQuestions, continuousRows);
    const { items, ...window } = questionPage(ranked, values.page ?? 1, LEADERBOARD_PER_PAGE);
    board = { shown: items, ...window };
    questionCount = inputs.questions.length + continuous.questions.length;
  }
  const { shown, page, pageCount, total } = board;
  const tags = listResolvedQuestionTags(db);
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    for (const key of ["from", "to", "tag", "who", "rank", "min"] as const) if (values[key] !== undefined) q.set(key, String(values[key]));
    if (n > 1) q.set("page", String(n));
    return `/leaderboard${q.size > 0 ? `?${q}` : ""}`;
  };

  return (
    <div className="stack">
      <PageHeader
        title="Leaderboard"
        lede={
          <>
            Forecasters ranked by {LEADERBOARD_RANKING_LABELS[ranking].toLowerCase()} ({higherIsBetter(ranking) ? "higher" : "lower"} is better) over{" "}
            {questionCount} resolved question{questionCount === 1 ? "" : "s"}
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
      {total === 0 ? (
        <p className="muted" data-testid="leaderboard-empty">
          No forecaster has {minQuestions} or more scored questions in this selection.
        </p>
      ) : (
        <LeaderboardTable
          total={total}
          caption={`Leaderboard ranked by ${LEADERBOARD_RANKING_LABELS[ranking]}`}
          rows={shown.map((r) => ({
            handle: r.handle,
            name: r.name,
            href: `/forecasters/${encodeURIComponent(r.handle)}${values.who ? `?who=${values.who}` : ""}`,
            rank: r.rank,
            questions: r.summary.nQuestions,
            figures: [
              formatNumber(r.summary.meanPeer, "points"),
              formatNumber(r.summary.meanBaseline, "points"),
              formatNumber(r.summary.meanRelativeBrier, "score", { signed: true }),
              formatNumber(r.summary.meanFinalBrier, "score"),
              formatNumber(r.summary.sumPeer, "points"),
              formatNumber(r.summary.meanCoverage, "probability"),
              formatNumber(r.summary.meanCrps, "score"),
            ],
          }))}
        />
      )}
      {total === 0 ? null : (
        <Pager label="Leaderboard pages" page={page} pageCount={pageCount} summary={`${total} forecasters`} href={pageHref} />
      )}
    </div>
  );
}
