import Link from "next/link";
import { NavLinks } from "./NavLinks";

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

/** The top bar: main navigation, then the signed-in user with "Sign out", or "Sign in"/"Sign up". */
export function SiteHeader({
  viewer,
  signOutAction,
}: {
  viewer: { name: string; handle: string; role: "analyst" | "admin" } | null;
  signOutAction: () => Promise<void>;
}) {
  return (
    <header className="site-nav">
      <div className="container">
        <Link href="/questions" className="brand">
          Forecast Desk
        </Link>
        <NavLinks label="Main" links={MAIN_LINKS} />
        {viewer?.role === "admin" ? <NavLinks label="Admin" links={ADMIN_LINKS} /> : null}
        <div className="account">
          {viewer ? (
            <>
              <Link href={`/forecasters/${encodeURIComponent(viewer.handle)}`} data-testid="viewer-name">
                {viewer.name}
              </Link>
              {viewer.role === "admin" ? <span className="badge badge-admin">admin</span> : null}
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
      </div>
    </header>
  );
}
