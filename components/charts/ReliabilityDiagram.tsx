"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { formatNumber } from "@/lib/format/number";

/** One non-empty calibration bin, as lib/calibration/bins computes it. */
export interface ReliabilityPoint {
  lo: number;
  hi: number;
  n: number;
  meanForecast: number;
  observed: number;
  jeffreysLo: number;
  jeffreysHi: number;
}

export interface ReliabilityHistogramBin {
  lo: number;
  hi: number;
  n: number;
}

interface Props {
  /** Non-empty bins only: empty bins are not drawn. */
  points: ReliabilityPoint[];
  /** Every bin, for the histogram of forecasts underneath. */
  histogram: ReliabilityHistogramBin[];
  /** "forecasts" or "forecast-weight" (time-weighted samples have fractional counts). */
  countLabel?: string;
}

const pct = (x: number) => formatNumber(x, "probability", { digits: 0 });
const pct1 = (x: number) => formatNumber(x, "probability");
const num = (x: number) => formatNumber(x, Number.isInteger(x) ? "count" : "decimal");

function BinTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: ReliabilityPoint }> }) {
  if (!active || !payload?.length) return null;
  const b = payload[0].payload;
  return (
    <div style={{ background: "#fff", border: "1px solid #c5ccd4", padding: "0.4rem 0.6rem", fontSize: "0.85rem" }}>
      <div>
        <strong>
          Bin {pct(b.lo)}–{pct(b.hi)}
        </strong>
      </div>
      <div>n = {num(b.n)}</div>
      <div>Mean forecast: {pct1(b.meanForecast)}</div>
      <div>Observed frequency: {pct1(b.observed)}</div>
      <div>
        95% Jeffreys interval: {pct1(b.jeffreysLo)} – {pct1(b.jeffreysHi)}
      </div>
    </div>
  );
}

/**
 * Reliability diagram: the diagonal (perfect calibration), one dot per non-empty bin at
 * (mean forecast, observed frequency) sized by n, the bin's 95% Jeffreys interval as a vertical
 * bar, and a histogram of the forecasts underneath on the same probability axis.
 */
export function ReliabilityDiagram({ points, histogram, countLabel = "forecasts" }: Props) {
  const data = points.map((p) => ({ ...p, error: [p.observed - p.jeffreysLo, p.jeffreysHi - p.observed] }));
  const bars = histogram.map((b) => ({ ...b, label: `${pct(b.lo)}–${pct(b.hi)}` }));
  return (
    <div>
      <ResponsiveChart height={360}>
      <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="meanForecast"
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={pct}
          name="Mean forecast"
          label={{ value: "Forecast probability (%)", position: "insideBottom", offset: -15 }}
        />
        <YAxis
          type="number"
          dataKey="observed"
          domain={[0, 1]}
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={pct}
          name="Observed frequency"
          label={{ value: "Observed frequency (%)", angle: -90, position: "insideLeft", offset: 5, style: { textAnchor: "middle" } }}
        />
        <ZAxis type="number" dataKey="n" range={[40, 400]} name="n" />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#8a94a3" strokeDasharray="4 4" ifOverflow="extendDomain" />
        <Tooltip content={<BinTooltip />} cursor={{ strokeDasharray: "3 3" }} />
        <Scatter data={data} fill="#2563a8" isAnimationActive={false}>
          <ErrorBar dataKey="error" direction="y" width={6} stroke="#2563a8" isAnimationActive={false} />
        </Scatter>
      </ScatterChart>
      </ResponsiveChart>
      <ResponsiveChart height={140}>
      <BarChart data={bars} margin={{ top: 0, right: 20, bottom: 30, left: 10 }}>
        <XAxis dataKey="label" interval="preserveStartEnd" label={{ value: "Forecast probability bin (%)", position: "insideBottom", offset: -15 }} />
        <YAxis allowDecimals={histogram.some((b) => !Number.isInteger(b.n))} label={{ value: countLabel.charAt(0).toUpperCase() + countLabel.slice(1), angle: -90, position: "insideLeft", style: { textAnchor: "middle" }, fontSize: 11 }} />
        <Tooltip formatter={(v) => [num(Number(v)), `Number of ${countLabel}`]} />
        <Bar dataKey="n" fill="#9bb7d6" isAnimationActive={false} />
      </BarChart>
      </ResponsiveChart>
    </div>
  );
}
