import Link from "next/link";
import { formatPercent, formatPoints, formatScore } from "@/components/track-records/score-format";
import { FilterErrors, selectionPhrase, TrackRecordFilters } from "@/components/track-records/TrackRecordFilters";
import { getDb } from "@/db/client";
import { countScoredQuestions, leaderboardEntries, listResolvedQuestionTags } from "@/db/queries/track-records";
import { questionPage } from "@/lib/question-paging";
import {
  DEFAULT_LEADERBOARD_RANKING,
  LEADERBOARD_RANKING_LABELS,
  LEADERBOARD_RANKINGS,
  higherIsBetter,
  rankLeaderboard,
} from "@/lib/track-records/leaderboard";
import { leaderboardFields, parseTrackRecordParams, periodBounds } from "@/lib/validation/track-record-filters";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pager } from "@/components/ui/Pager";

export const metadata = { title: "Leaderboard" };

/** Forecasters per leaderboard page. */
const LEADERBOARD_PER_PAGE = 50;

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  const { values, errors } = parseTrackRecordParams(leaderboardFields, await searchParams);
  const ranking = values.rank ?? DEFAULT_LEADERBOARD_RANKING;
  const minQuestions = values.min ?? 1;
  const filter = { ...periodBounds(values), tag: values.tag ?? null };
  // Summaries from the kept score rows (one GROUP BY), ranked by the engine, 50 to a page.
  const ranked = rankLeaderboard(leaderboardEntries(db, filter), ranking, minQuestions);
  const { items: shown, page, pageCount, total } = questionPage(ranked, values.page ?? 1, LEADERBOARD_PER_PAGE);
  const questionCount = countScoredQuestions(db, filter);
  const tags = listResolvedQuestionTags(db);
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    for (const key of ["from", "to", "tag", "rank", "min"] as const) if (values[key] !== undefined) q.set(key, String(values[key]));
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
            {selectionPhrase(values)}.
          </>
        }
      />
      <FilterErrors errors={errors} />
      <TrackRecordFilters action="/leaderboard" from={values.from} to={values.to} tag={values.tag} tags={tags}>
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
        <div className="table-wrap">
          <table className="table" data-testid="leaderboard-table" data-rows={shown.length} data-total={total}>
            <caption className="sr-only">Leaderboard ranked by {LEADERBOARD_RANKING_LABELS[ranking]}</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Forecaster</th>
                <th scope="col">Questions</th>
                <th scope="col" title="Points, higher is better">Mean peer</th>
                <th scope="col" title="Points, higher is better">Mean baseline</th>
                <th scope="col" title="Negative beats the crowd">Mean relative Brier</th>
                <th scope="col" title="0–1, lower is better">Mean final Brier</th>
                <th scope="col">Sum of peer</th>
                <th scope="col">Mean coverage</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.handle} data-handle={r.handle}>
                  <td>{r.rank ?? "—"}</td>
                  <td>
                    <Link href={`/forecasters/${encodeURIComponent(r.handle)}`}>{r.name}</Link>
                  </td>
                  <td>{r.summary.nQuestions}</td>
                  <td>{formatPoints(r.summary.meanPeer)}</td>
                  <td>{formatPoints(r.summary.meanBaseline)}</td>
                  <td>{formatScore(r.summary.meanRelativeBrier)}</td>
                  <td>{formatScore(r.summary.meanFinalBrier)}</td>
                  <td>{formatPoints(r.summary.sumPeer)}</td>
                  <td>{formatPercent(r.summary.meanCoverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Leaderboard pages" page={page} pageCount={pageCount} summary={`${total} forecasters`} href={pageHref} />
        </div>
      )}
    </div>
  );
}
