import type { ReactNode } from "react";
import { signOut } from "@/app/(auth)/actions";
import { getViewer } from "@/app/_auth/session";
import { SiteHeader } from "@/components/ui/SiteHeader";

// Admin pages check the role themselves (requireAdmin); this only draws the shell.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      <SiteHeader viewer={viewer} signOutAction={signOut} />
      <main id="main" tabIndex={-1} className="container">{children}</main>
    </>
  );
}
