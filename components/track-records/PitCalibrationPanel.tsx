import { Table } from "@/components/ui/Table";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { PitHistogram } from "@/components/charts/PitHistogram";
import type { PitCalibration } from "@/lib/continuous/pit-calibration";
import { formatNumber } from "@/lib/format/number";
import { centralIntervalSentence } from "@/lib/track-records/continuous-record";
import { csvNumber, formatBinRange } from "./score-format";

/**
 * The calibration of numeric and date forecasts (docs/continuous.md §7): the central-interval coverage
 * at 50% and 90% in words and in a table, with 95% Jeffreys intervals, then the PIT histogram with the
 * expected count per bin (table and CSV behind it).
 */
export function PitCalibrationPanel({
  title,
  description,
  calibration,
  whose,
  csvFilename,
  testId,
  countLabel = "forecasts",
  noun = "forecast",
}: {
  title: string;
  description?: string;
  calibration: PitCalibration;
  /** Possessive subject of the coverage sentences: "Ana's", "Everyone's", "The recency-weighted mean's". */
  whose: string;
  csvFilename: string;
  testId: string;
  countLabel?: string;
  /** What one sample is, in the coverage sentences: "forecast" or "question". */
  noun?: string;
}) {
  const rows =
    calibration.n === 0
      ? []
      : calibration.bins.map((b) => ({ bin: formatBinRange(b), n: csvNumber(b.n), expected: csvNumber(b.expected) }));
  const pct = (x: number | null) => formatNumber(x, "probability");
  return (
    <section className="card stack" data-testid={testId} aria-label={title}>
      <ul className="stack" style={{ margin: 0, paddingLeft: "1.2rem" }} data-testid={`${testId}-coverage`}>
        {calibration.centralIntervals.map((c) => (
          <li key={c.level} data-level={c.level} data-coverage={c.coverage ?? ""} data-jeffreys-lo={c.jeffreysLo ?? ""} data-jeffreys-hi={c.jeffreysHi ?? ""}>
            {centralIntervalSentence(c, whose, noun)}
          </li>
        ))}
      </ul>
      {calibration.n === 0 ? null : (
        <Table
          testId={`${testId}-coverage-table`}
          inCard={false}
          caption={`${title}: central-interval coverage`}
          scrollRegionLabel={`${title}: central-interval coverage`}
          columns={[
            { label: "Central interval" },
            { label: "Outcomes inside", numeric: true },
            { label: "Forecasts", numeric: true },
            { label: "Coverage", numeric: true },
            { label: "95% Jeffreys interval" },
          ]}
        >
          {calibration.centralIntervals.map((c) => (
            <tr key={c.level}>
              <th scope="row">{formatNumber(c.level, "probability", { digits: 0 })}</th>
              <td className="num">{formatNumber(c.inside, Number.isInteger(c.inside) ? "count" : "decimal")}</td>
              <td className="num">{formatNumber(c.n, Number.isInteger(c.n) ? "count" : "decimal")}</td>
              <td className="num">{pct(c.coverage)}</td>
              <td>
                {pct(c.jeffreysLo)} to {pct(c.jeffreysHi)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ChartFrame
        title={title}
        description={description}
        csvFilename={csvFilename}
        testId={`${testId}-pit`}
        points={rows.length}
        emptyMessage="No resolved numeric or date forecasts in this selection."
        columns={[
          { key: "bin", label: "PIT bin (%)" },
          { key: "n", label: `n (${countLabel})` },
          { key: "expected", label: "Expected if calibrated (N/B)" },
        ]}
        rows={rows}
      >
        <PitHistogram bins={calibration.bins} countLabel={countLabel} />
      </ChartFrame>
    </section>
  );
}
