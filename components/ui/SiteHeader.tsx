import Link from "next/link";
import { NavLinks } from "./NavLinks";
import { SiteMenu } from "./SiteMenu";

const MAIN_LINKS = [
  { href: "/questions", label: "Questions" },
  { href: "/due", label: "Due for resolution" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/crowd", label: "Crowd" },
] as const;

const ADMIN_LINKS = [
  { href: "/questions/new", label: "New question" },
  { href: "/users", label: "Users" },
  { href: "/audit-log", label: "Audit log" },
  { href: "/export", label: "Export" },
] as const;

/**
 * The top bar: a skip link to the page's <main id="main">, the brand, then main navigation and the
 * signed-in user with "Sign out" (or "Sign in"/"Sign up"), collapsed behind a "Menu" button on a phone.
 */
export function SiteHeader({
  viewer,
  unread = 0,
  signOutAction,
}: {
  viewer: { name: string; handle: string; role: "analyst" | "admin" } | null;
  /** Unread notifications, shown on the Inbox link. */
  unread?: number;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="site-nav">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="container">
        <Link href="/questions" className="brand">
          Forecast Desk
        </Link>
        <SiteMenu>
        <NavLinks label="Main" links={MAIN_LINKS} />
        {viewer?.role === "admin" ? <NavLinks label="Admin" links={ADMIN_LINKS} /> : null}
        <div className="account">
          {viewer ? (
            <>
              <Link href={`/forecasters/${encodeURIComponent(viewer.handle)}`} data-testid="viewer-name">
                {viewer.name}
              </Link>
              {viewer.role === "admin" ? <span className="badge badge-admin">admin</span> : null}
              <Link href="/inbox" data-testid="inbox-link" aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}>
                Inbox{unread > 0 ? <span className="badge badge-open" style={{ marginLeft: "0.3rem" }}>{unread}</span> : null}
              </Link>
              <Link href="/settings">Settings</Link>
              <form action={signOutAction}>
                <button type="submit" className="btn btn-small">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin">Sign in</Link>
              <Link href="/signup" className="btn btn-small">
                Sign up
              </Link>
            </>
          )}
        </div>
        </SiteMenu>
      </div>
    </header>
  );
}
