import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/session";
import { ApiTokensSection, type TokenHolder } from "@/components/settings/ApiTokensSection";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listBots } from "@/db/queries/bots";
import { createApiTokenAction, revokeApiTokenAction } from "./api-token-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer();
  const db = getDb();
  const holders: TokenHolder[] = [
    { forUser: null, label: `${viewer.name} (you)`, tokens: listApiTokens(db, viewer.id) },
    ...listBots(db)
      .filter((b) => b.owner?.id === viewer.id)
      .map((b) => ({ forUser: b.userId, label: `${b.name} (bot: ${b.model})`, tokens: listApiTokens(db, b.userId) })),
  ];
  return (
    <div className="stack">
      <PageHeader title="Settings" />
      <ApiTokensSection holders={holders} create={createApiTokenAction} revoke={revokeApiTokenAction} />
    </div>
  );
}
