import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CDF_BLOB_BYTES, decodeCdf, encodeCdf } from "@/lib/continuous/cdf-blob";
import { meanCdf } from "@/lib/continuous/aggregation";
import { logisticCdf, validLogisticCdf } from "./builders";

describe("stored CDF", () => {
  it("round-trips every valid CDF exactly in 809 bytes", () => {
    fc.assert(
      fc.property(validLogisticCdf, ({ cdf }) => {
        const blob = encodeCdf(cdf);
        expect(blob.byteLength).toBe(CDF_BLOB_BYTES);
        expect(CDF_BLOB_BYTES).toBe(809);
        expect(Array.from(decodeCdf(blob))).toEqual(Array.from(cdf));
      }),
    );
  });
  it("keeps values with more than 10 decimals as raw doubles, still exactly", () => {
    const pooled = meanCdf([logisticCdf(0.3, 0.1, 0, 0), logisticCdf(0.6, 0.2, 0, 0), logisticCdf(0.5, 0.07, 0, 0)]);
    const blob = encodeCdf(pooled);
    expect(blob.byteLength).toBe(1 + 8 * 201);
    expect(Array.from(decodeCdf(blob))).toEqual(Array.from(pooled));
  });
  it("refuses what is not a stored CDF", () => {
    expect(() => decodeCdf(new Uint8Array(10))).toThrow(RangeError);
    expect(() => encodeCdf([0, 1])).toThrow(RangeError);
  });
});
