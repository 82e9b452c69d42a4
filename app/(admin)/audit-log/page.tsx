import type { Metadata } from "next";
import { requireAdmin } from "@/app/_auth/session";
import { ResolutionAuditTable } from "@/app/_components/ResolutionAuditTable";
import { getDb } from "@/db/client";
import { listResolutionAudit } from "@/db/queries/resolutions";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

/** Every resolution change on the desk, newest first (admins). */
export default async function AuditLogPage() {
  await requireAdmin();
  const entries = listResolutionAudit(getDb(), { limit: 2_000 });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted" style={{ margin: 0 }}>
            Every resolution, correction, annulment and undo, newest first.
          </p>
        </div>
      </div>
      {entries.length === 0 ? (
        <div className="card">
          <p style={{ margin: 0 }}>No resolution changes yet.</p>
        </div>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <ResolutionAuditTable entries={entries} showQuestion testId="audit-log" />
        </div>
      )}
    </>
  );
}
