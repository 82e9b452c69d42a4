import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { signOut } from "@/app/(auth)/actions";
import { isDeskPrivate } from "@/app/_auth/desk-privacy";
import { getViewer } from "@/app/_auth/session";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { getDb } from "@/db/client";
import { countUnread } from "@/db/queries/notifications";

// Reading is open to visitors unless REQUIRE_SIGN_IN=1 makes the desk private.
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer && isDeskPrivate()) redirect("/signin");
  return (
    <>
      <SiteHeader viewer={viewer} unread={viewer ? countUnread(getDb(), viewer.id) : 0} signOutAction={signOut} />
      <main id="main" tabIndex={-1} className="container">{children}</main>
    </>
  );
}
