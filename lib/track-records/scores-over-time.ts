// Scores over time on a forecaster profile: for each calendar month (UTC), the mean final Brier and
// the mean peer score of the questions resolved in the trailing window of months ending with it.
// Times are UTC epoch ms; the window is counted in whole calendar months, not 30-day blocks.

export interface ResolvedScore {
  /** When the question resolved (its resolve time); decides which windows it falls in. */
  resolveTime: number;
  finalBrier: number;
  peer: number;
}

export interface MonthlyWindowScore {
  /** "YYYY-MM", the last month of the window. */
  month: string;
  /** First instant of the window (start of the month `windowMonths − 1` months before `month`). */
  windowStart: number;
  /** First instant after the window (start of the month after `month`). */
  windowEnd: number;
  /** Questions resolved inside the window. */
  n: number;
  /** Mean final Brier of those questions (0–1, lower is better); null when n = 0. */
  meanFinalBrier: number | null;
  /** Mean peer score of those questions (points, higher is better); null when n = 0. */
  meanPeer: number | null;
}

function monthIndex(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function monthStart(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * One point per month from the month of the first resolution to the month of the last, each the
 * means over the questions resolved in that month and the `windowMonths − 1` months before it
 * (default 6: a trailing half year). Empty input gives no points.
 */
export function trailingWindowScores(scores: readonly ResolvedScore[], windowMonths = 6): MonthlyWindowScore[] {
  if (!Number.isInteger(windowMonths) || windowMonths < 1)
    throw new RangeError(`windowMonths must be an integer ≥ 1, got ${windowMonths}`);
  if (scores.length === 0) return [];
  const months = scores.map((s) => monthIndex(s.resolveTime));
  // A loop, not Math.min(...months): spreading a large array into a call throws past ~125k elements.
  let first = months[0];
  let last = months[0];
  for (const m of months) {
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const out: MonthlyWindowScore[] = [];
  for (let m = first; m <= last; m++) {
    const lo = m - windowMonths + 1;
    let n = 0;
    let brier = 0;
    let peer = 0;
    scores.forEach((s, i) => {
      if (months[i] < lo || months[i] > m) return;
      n += 1;
      brier += s.finalBrier;
      peer += s.peer;
    });
    out.push({
      month: monthLabel(m),
      windowStart: monthStart(lo),
      windowEnd: monthStart(m + 1),
      n,
      meanFinalBrier: n === 0 ? null : brier / n,
      meanPeer: n === 0 ? null : peer / n,
    });
  }
  return out;
}
