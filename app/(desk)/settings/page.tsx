import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/session";
import { PageHeader } from "@/components/ui/PageHeader";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/user-settings";
import { RemindersSection } from "./_sections/RemindersSection";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

/**
 * The signed-in user's settings: one <section> per concern, each with its own form and server action
 * (add a section as a component under _sections/ and list it here).
 */
export default async function SettingsPage() {
  const viewer = await requireViewer();
  const settings = getUserSettings(getDb(), viewer.id);
  return (
    <div className="stack">
      <PageHeader title="Settings" lede={`Signed in as ${viewer.name} (${viewer.email}).`} />
      <RemindersSection
        staleAfterDays={settings.staleAfterDays}
        emailMode={settings.emailMode}
        mailConfigured={Boolean(process.env.SMTP_URL)}
      />
    </div>
  );
}
