/**
 * Metaculus peer score at one instant: 100 · (ln p_u,o − (1/n) Σ_v ln p_v,o) over the n ≥ 1 other
 * forecasters' standing forecasts; 0 when nobody else has one. Higher is better; the peer scores of
 * everyone standing sum to 0. Source: Metaculus scoring FAQ; docs/formulas.md §5.5.
 */
export function peerScoreAt(ownLogP: number, othersLogP: readonly number[]): number {
  if (othersLogP.length === 0) return 0;
  let sum = 0;
  for (const l of othersLogP) sum += l;
  return 100 * (ownLogP - sum / othersLogP.length);
}
