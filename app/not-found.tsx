import type { Metadata } from "next";
import Link from "next/link";
import { signOut } from "@/app/(auth)/actions";
import { getViewer } from "@/app/_auth/session";
import { SiteHeader } from "@/components/ui/SiteHeader";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the desk does not know: the site header, and ways back. */
export default async function NotFound() {
  const viewer = await getViewer();
  return (
    <>
      <SiteHeader viewer={viewer} signOutAction={signOut} />
      <main id="main" tabIndex={-1} className="container">
        <section className="card">
          <h1>Page not found</h1>
          <p>There is nothing at this address. The link may be mistyped, or the page may have moved.</p>
          <p className="row">
            <Link href="/questions">Back to the questions</Link>
            <Link href="/leaderboard">Leaderboard</Link>
          </p>
        </section>
      </main>
    </>
  );
}
