import { CDF_POINTS } from "./scale";

// How a CDF is stored in SQLite: a BLOB, exact. A validated CDF is 201 values with at most 10 decimals
// (docs/continuous.md "Validation"), so v_i = n_i / 10¹⁰ for integers n_i whose steps lie between 499,995
// and 2,000,000,005: the BLOB keeps cdf[0] as a Float64 and the 200 steps n_i − n_{i−1} as Uint32,
// 809 bytes instead of 1,608 for 201 Float64. Anything that does not decode to the very same doubles
// (an unrounded aggregate, say) is kept as 201 raw Float64 values instead. Little-endian throughout.

const RAW = 0;
const STEPS = 1;
const SCALE = 1e10;

/** Bytes of a CDF stored as steps, the usual case. */
export const CDF_BLOB_BYTES = 1 + 8 + 4 * (CDF_POINTS - 1);

/** Encodes a CDF of 201 values; decodeCdf gives back exactly the same doubles. */
export function encodeCdf(cdf: ArrayLike<number>): Uint8Array {
  if (cdf.length !== CDF_POINTS) throw new RangeError(`a CDF has ${CDF_POINTS} values, got ${cdf.length}`);
  const steps = asSteps(cdf);
  if (steps !== null) return steps;
  const bytes = new Uint8Array(1 + 8 * CDF_POINTS);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, RAW);
  for (let i = 0; i < CDF_POINTS; i++) view.setFloat64(1 + 8 * i, cdf[i], true);
  return bytes;
}

function asSteps(cdf: ArrayLike<number>): Uint8Array | null {
  const bytes = new Uint8Array(CDF_BLOB_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, STEPS);
  view.setFloat64(1, cdf[0], true);
  let previous = Math.round(cdf[0] * SCALE);
  let value = cdf[0];
  for (let i = 1; i < CDF_POINTS; i++) {
    const n = Math.round(cdf[i] * SCALE);
    const step = n - previous;
    if (!(step >= 0 && step <= 0xffffffff)) return null;
    // The value decode will rebuild must be the very double given.
    value = n / SCALE;
    if (value !== cdf[i]) return null;
    view.setUint32(9 + 4 * (i - 1), step, true);
    previous = n;
  }
  return bytes;
}

/** Decodes a stored CDF. */
export function decodeCdf(blob: Uint8Array): Float64Array {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const cdf = new Float64Array(CDF_POINTS);
  const kind = view.getUint8(0);
  if (kind === RAW && blob.byteLength === 1 + 8 * CDF_POINTS) {
    for (let i = 0; i < CDF_POINTS; i++) cdf[i] = view.getFloat64(1 + 8 * i, true);
    return cdf;
  }
  if (kind !== STEPS || blob.byteLength !== CDF_BLOB_BYTES) throw new RangeError("not a stored CDF");
  cdf[0] = view.getFloat64(1, true);
  let n = Math.round(cdf[0] * SCALE);
  for (let i = 1; i < CDF_POINTS; i++) {
    n += view.getUint32(9 + 4 * (i - 1), true);
    cdf[i] = n / SCALE;
  }
  return cdf;
}
