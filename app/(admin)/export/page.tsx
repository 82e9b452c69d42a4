import type { Metadata } from "next";
import { requireAdmin } from "@/app/_auth/session";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

const DOWNLOADS = [
  {
    href: "/api/export?format=json",
    label: "Download everything as JSON (forecast-desk/v1)",
    note: "Every question and forecast as stored: titles, descriptions, resolution criteria, tags, deadlines, resolutions with their evidence, drafts, the crowd guard, illustrative flags, probabilities exactly as given, rationales and each forecaster's handle. The command-line scorer and `npm run import` read this file; importing it into an empty desk and exporting again gives the same bytes.",
  },
  {
    href: "/api/export?format=csv&file=questions",
    label: "Download questions as CSV",
    note: "One row per question, with the same fields as the JSON; scenarios and tags separated by |.",
  },
  {
    href: "/api/export?format=csv&file=forecasts",
    label: "Download forecasts as CSV",
    note: "One row per forecast and option (a binary forecast is one row with option yes).",
  },
] as const;

/** Admin downloads of the whole desk in the exchange formats (README, docs/csv-format.md). */
export default async function ExportPage() {
  await requireAdmin();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Export</h1>
          <p className="muted" style={{ margin: 0 }}>
            The scoring data of the whole desk. Users, sessions, comments and the audit log are not part of it: the
            full backup is the SQLite file itself.
          </p>
        </div>
      </div>
      <ul className="card stack" data-testid="export-downloads">
        {DOWNLOADS.map((d) => (
          <li key={d.href}>
            <a href={d.href} download>
              {d.label}
            </a>
            <p className="muted" style={{ margin: "0.25rem 0 0" }}>
              {d.note}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
