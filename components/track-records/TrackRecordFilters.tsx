import type { ReactNode } from "react";
import { TagSelect } from "@/components/ui/TagSelect";
import { CALIBRATION_BIN_CHOICES } from "@/lib/validation/track-record-filters";
import { POPULATION_LABELS, POPULATIONS, type Population } from "@/lib/population";

/** The filters in words, for a page's summary line: ` tagged “x”, resolved 2024-01-01 to …` (empty when none). */
export function selectionPhrase({ from, to, tag, who }: { from?: string; to?: string; tag?: string; who?: Population }): string {
  const whose = who === "bots" ? ", bots' forecasts only" : who === "both" ? ", people's and bots' forecasts" : "";
  return `${tag ? ` tagged “${tag}”` : ""}${from || to ? `, resolved ${from ?? "…"} to ${to ?? "…"}` : ""}${whose}`;
}

/**
 * The GET form of a track-record page: period (questions resolved between two dates, inclusive),
 * tag, and any page-specific fields passed as children. Submitting reloads the page with the
 * filters as query parameters, so the page stays a server component.
 */
export function TrackRecordFilters({
  action,
  from,
  to,
  tag,
  tags,
  who,
  children,
}: {
  action: string;
  from?: string;
  to?: string;
  tag?: string;
  tags: string[];
  /** People, bots or both: the forecasts the page counts (no choice shown when absent). */
  who?: Population;
  children?: ReactNode;
}) {
  return (
    <form method="get" action={action} className="card row" aria-label="Filters" data-testid="track-record-filters" style={{ flexWrap: "wrap", gap: "0.75rem", alignItems: "flex-end" }}>
      <div className="field">
        <label htmlFor="filter-from">Resolved from</label>
        <input id="filter-from" type="date" name="from" defaultValue={from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Resolved to</label>
        <input id="filter-to" type="date" name="to" defaultValue={to ?? ""} />
      </div>
      <div className="field">
        <TagSelect id="filter-tag" tags={tags} value={tag} />
      </div>
      {who ? (
      <div className="field">
        <label htmlFor="filter-who">Forecasters</label>
        <select id="filter-who" name="who" defaultValue={who}>
          {POPULATIONS.map((p) => (
            <option key={p} value={p}>
              {POPULATION_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      ) : null}
      {children}
      <div className="field">
        <button type="submit" className="btn btn-primary">
          Apply
        </button>
      </div>
    </form>
  );
}

/** Field errors from the filter parameters (each names the parameter and the rule). */
export function FilterErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="filter-errors">
      <p>Some filters were ignored:</p>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** The "bins" field of a track-record filter form: how many calibration bins to draw. */
export function CalibrationBinsField({ bins, label = "Calibration bins" }: { bins: number; label?: string }) {
  return (
    <div className="field">
      <label htmlFor="filter-bins">{label}</label>
      <select id="filter-bins" name="bins" defaultValue={String(bins)}>
        {CALIBRATION_BIN_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
