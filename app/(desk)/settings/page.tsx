import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/session";
import { ApiTokensSection, type TokenHolder } from "@/components/settings/ApiTokensSection";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listBots } from "@/db/queries/bots";
import { getUserSettings } from "@/db/queries/user-settings";
import { createApiTokenAction, revokeApiTokenAction } from "./api-token-actions";
import { RemindersSection } from "./_sections/RemindersSection";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

/**
 * The signed-in user's settings: one <section> per concern, each with its own form and server action
 * (add a section as a component and list it here).
 */
export default async function SettingsPage() {
  const viewer = await requireViewer();
  const db = getDb();
  const settings = getUserSettings(db, viewer.id);
  const holders: TokenHolder[] = [
    { forUser: null, label: `${viewer.name} (you)`, tokens: listApiTokens(db, viewer.id) },
    ...listBots(db)
      .filter((b) => b.owner?.id === viewer.id)
      .map((b) => ({ forUser: b.userId, label: `${b.name} (bot: ${b.model})`, tokens: listApiTokens(db, b.userId) })),
  ];
  return (
    <div className="stack">
      <PageHeader title="Settings" lede={`Signed in as ${viewer.name} (${viewer.email}).`} />
      <RemindersSection
        staleAfterDays={settings.staleAfterDays}
        emailMode={settings.emailMode}
        mailConfigured={Boolean(process.env.SMTP_URL)}
      />
      <ApiTokensSection holders={holders} create={createApiTokenAction} revoke={revokeApiTokenAction} />
    </div>
  );
}
