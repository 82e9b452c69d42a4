import type { Metadata } from "next";
import { requireAdmin } from "@/app/_auth/session";
import { ResolutionAuditTable } from "@/app/_components/ResolutionAuditTable";
import { getDb } from "@/db/client";
import { listResolutionAudit } from "@/db/queries/resolutions";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyCard } from "@/components/ui/Table";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

/** Every resolution change on the desk, newest first (admins). */
export default async function AuditLogPage() {
  await requireAdmin();
  const entries = listResolutionAudit(getDb(), { limit: 2_000 });
  return (
    <>
      <PageHeader title="Audit log" lede="Every resolution, correction, annulment and undo, newest first." />
      {entries.length === 0 ? (
        <EmptyCard>No resolution changes yet.</EmptyCard>
      ) : (
        <ResolutionAuditTable entries={entries} showQuestion testId="audit-log" />
      )}
    </>
  );
}
