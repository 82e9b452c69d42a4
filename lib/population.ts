// People, bots or both: whose forecasts a crowd, a leaderboard or a calibration page counts.
// The crowd people see is people-only unless the desk opts bots in (db/queries/bots crowdIncludesBots).

export const POPULATIONS = ["people", "bots", "both"] as const;
export type Population = (typeof POPULATIONS)[number];

export const POPULATION_LABELS: Record<Population, string> = { people: "People", bots: "Bots", both: "People and bots" };

/** The population a page shows when none is asked for: people, or both when the desk counts bots in its crowd. */
export function defaultPopulation(crowdIncludesBots: boolean): Population {
  return crowdIncludesBots ? "both" : "people";
}

/** Whether a forecaster belongs to a population. */
export function inPopulation(isBot: boolean, population: Population): boolean {
  return population === "both" || (population === "bots") === isBot;
}

/** The forecasts of one population; `botKey` reads the key (user id or handle) that `bots` holds. */
export function forecastsOf<F>(forecasts: readonly F[], bots: ReadonlySet<string>, botKey: (f: F) => string, population: Population): F[] {
  if (population === "both") return forecasts as F[];
  return forecasts.filter((f) => inPopulation(bots.has(botKey(f)), population));
}
