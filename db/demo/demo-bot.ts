// The demo desk's one bot: a baseline model that forecasts through the API beside the analysts, so
// the pages' people/bots split has something to show. Its forecasts are a pure function of the
// analysts' (no clock, no randomness): on each question, a quarter and three fifths of the way through
// the time it could forecast, it takes the team's mean forecast of a week earlier and hedges it halfway
// to even odds, in percentages with one decimal, as a script would send them to the API.
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { readForecasts } from "@/lib/probability";
import { forecastingEndsAt } from "@/lib/question-lifecycle";
import type { Dataset, DatasetForecast } from "@/lib/types";
import { DEMO_ADMIN } from "./demo-analysts";
import { DAY_MS } from "./demo-calendar";

export const DEMO_BOT = {
  handle: "baseline-bot",
  name: "Baseline bot",
  email: "baseline-bot@forecast-desk.local",
  model: "Baseline: the team's mean a week earlier, hedged halfway to even odds",
  /** Handle of the person who runs it. */
  owner: DEMO_ADMIN.handle,
} as const;

const HOUR_MS = 3_600_000;
/** Where in its window the bot forecasts (share of the time from open to the end of forecasting or now). */
const RUN_AT = [0.25, 0.6];

/** One decimal of a percent, as the API's form rules take it (lib/validation/forecast). */
const onePercentDecimal = (p: number) => Math.round(p * 1000) / 1000;

export function demoBotForecasts(people: Dataset, now: number): DatasetForecast[] {
  const out: DatasetForecast[] = [];
  for (const q of people.questions) {
    const end = Math.min(forecastingEndsAt({ ...q, isDraft: false }) - HOUR_MS, now - HOUR_MS);
    if (end <= q.openTime) continue;
    const theirs = readForecasts(
      q.type,
      people.forecasts.filter((f) => f.question === q.id),
    );
    const k = q.options.length;
    for (const share of RUN_AT) {
      const time = Math.round(q.openTime + share * (end - q.openTime));
      const team = crowdForecastAt(q, theirs, time - 7 * DAY_MS, "mean") ?? new Array<number>(k).fill(1 / k);
      const hedged = team.map((p) => (p + 1 / k) / 2);
      let probabilities: number[];
      if (q.type === "binary") {
        const yes = onePercentDecimal(hedged[1]);
        probabilities = [1 - yes, yes];
      } else {
        const rounded = hedged.map(onePercentDecimal);
        const sum = rounded.reduce((s, p) => s + p, 0);
        probabilities = rounded.map((p) => p / sum); // the API renormalises a scenario set to sum to 1
      }
      const lead = q.type === "binary" ? `${(probabilities[1] * 100).toFixed(1)}% yes` : `${q.options[hedged.indexOf(Math.max(...hedged))]} leads`;
      out.push({
        question: q.id,
        forecaster: DEMO_BOT.handle,
        time,
        probabilities,
        rationale: `${lead}: the team's mean forecast a week earlier, hedged halfway to even odds (automated baseline).`,
      });
    }
  }
  return out;
}

/** The demo dataset with the bot's forecasts merged in, in time order (ties: the analysts' first). */
export function withDemoBot(people: Dataset, now: number): Dataset {
  const forecasts = [...people.forecasts, ...demoBotForecasts(people, now)];
  forecasts.sort((a, b) => a.time - b.time);
  return { ...people, forecasts };
}
