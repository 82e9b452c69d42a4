import type { Db } from "@/db/client";
import { botForecastCount, botIdentities, crowdIncludesBots } from "@/db/queries/bots";
import { listForecastsForQuestion, listStandingForecasts, type QuestionForecast } from "@/db/queries/forecasts";
import { keptPopulationFor, listCrowdHistory } from "@/db/queries/kept-scores";
import { crowdForecastSeries, type CrowdForecastPoint } from "@/lib/aggregation/crowd-forecast";
import { defaultPopulation, forecastsOf, type Population } from "@/lib/population";
import { readForecasts } from "@/lib/probability";
import { countedForecasts, standingForecastsAt } from "@/lib/standing-forecast";
import { DEFAULT_AGGREGATION_METHOD, type AggregationMethod, type DiscreteQuestion } from "@/lib/types";

// THE crowd forecast of one question as every reader shows it (the question page, its chart-data CSV,
// the REST API): the forecasts of one population read as the engine reads them (lib/probability
// readForecasts: clipped into [0.001, 0.999], scenario vectors renormalised; docs/formulas.md §2.4),
// pooled by one method (docs/formulas.md §7). The kept history (db/queries/kept-scores) serves the
// default method whenever it answers for the population; otherwise the forecasts are pooled here.

export interface QuestionCrowd {
  /** Whose forecasts are pooled: the one asked for, else the desk's default (people, or both when the crowd counts bots). */
  population: Population;
  method: AggregationMethod;
  /** The crowd forecast over time up to `end` (crowdForecastSeries), its last point at `end`. */
  series(): CrowdForecastPoint[];
  /** Each counted forecaster's standing forecast at `end`, read clipped, oldest first. */
  standing(): QuestionForecast[];
  /** How many stored forecasts the population leaves out (another population's), 0 when served from kept rows. */
  leftOut(): number;
}

export function questionCrowd(
  db: Db,
  question: DiscreteQuestion,
  end: number,
  options: { method?: AggregationMethod; population?: Population } = {},
): QuestionCrowd {
  const population = options.population ?? defaultPopulation(crowdIncludesBots(db));
  const method = options.method ?? DEFAULT_AGGREGATION_METHOD;
  const kept = keptPopulationFor(db, population);
  if (kept !== null && (kept === "everyone" || method === DEFAULT_AGGREGATION_METHOD)) {
    // Everyone, or people only (the kept "people" history and a standing query without bots).
    const peopleOnly = kept === "people";
    return {
      population,
      method,
      series: () =>
        method === DEFAULT_AGGREGATION_METHOD
          ? listCrowdHistory(db, question.id, end, kept)
          : crowdForecastSeries(question, readForecasts(question.type, listForecastsForQuestion(db, question.id)), method, undefined, end),
      standing: () => readForecasts(question.type, listStandingForecasts(db, question.id, end, peopleOnly)),
      leftOut: () => (peopleOnly ? botForecastCount(db, question.id) : 0),
    };
  }
  let pooled: { read: QuestionForecast[]; leftOut: number } | null = null;
  const load = () => {
    if (pooled) return pooled;
    const everyone = listForecastsForQuestion(db, question.id);
    const mine = forecastsOf(everyone, botIdentities(db).ids, (f) => f.forecasterId, population);
    return (pooled = { read: readForecasts(question.type, mine), leftOut: everyone.length - mine.length });
  };
  return {
    population,
    method,
    series: () => crowdForecastSeries(question, load().read, method, undefined, end),
    standing: () => standingForecastsAt(countedForecasts(question, load().read), end),
    leftOut: () => load().leftOut,
  };
}
