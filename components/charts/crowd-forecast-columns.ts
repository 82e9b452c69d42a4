// The crowd forecast chart's points cross from the server to the browser as one array per field, not
// one object per point: 500 points as objects repeated every key and were 33 KB of the busiest
// question's 55 KB of page data.

/** One instant on the chart: the crowd's P(yes) from then on, and/or the viewer's own forecast then. */
// A type, not an interface: a type alias is assignable to ProbabilityRow's index signature.
export type CrowdForecastRow = {
  time: number;
  /** Crowd P(yes) in percent, holding until the next row's crowd value (step function). */
  crowd: number | null;
  /** The viewer's own P(yes) in percent when they forecast at this instant. */
  own: number | null;
  forecasters: number | null;
};

/** CrowdForecastRow[] as columns of equal length (row i is every column's i-th value). */
export interface CrowdForecastColumns {
  time: number[];
  crowd: Array<number | null>;
  own: Array<number | null>;
  forecasters: Array<number | null>;
}

export function toCrowdForecastColumns(rows: readonly CrowdForecastRow[]): CrowdForecastColumns {
  return { time: rows.map((r) => r.time), crowd: rows.map((r) => r.crowd), own: rows.map((r) => r.own), forecasters: rows.map((r) => r.forecasters) };
}

export function fromCrowdForecastColumns(columns: CrowdForecastColumns): CrowdForecastRow[] {
  return columns.time.map((time, i) => ({ time, crowd: columns.crowd[i], own: columns.own[i], forecasters: columns.forecasters[i] }));
}
