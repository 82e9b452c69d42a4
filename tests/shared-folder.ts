import path from "node:path";

/**
 * The project's shared/ folder (design, worked examples, ForecastBench data) sits beside the
 * repository, at ../shared from its root, for developers and CI alike.
 */
export const SHARED_DIR = process.env.FORECAST_DESK_SHARED_DIR
  ? path.resolve(process.env.FORECAST_DESK_SHARED_DIR)
  : path.resolve(__dirname, "..", "..", "shared");

export const sharedPath = (...parts: string[]): string => path.join(SHARED_DIR, ...parts);
