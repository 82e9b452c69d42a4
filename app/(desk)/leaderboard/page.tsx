import Link from "next/link";
import { formatPercent, formatPoints, formatScore } from "@/components/track-records/score-format";
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
        <div className="table-wrap">
          <table className="table" data-testid="leaderboard-table" data-rows={ranked.length}>
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
              {ranked.map((r) => (
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
        </div>
      )}
    </div>
  );
}
