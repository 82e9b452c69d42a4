import Link from "next/link";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-nav">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <div className="container">
          <Link href="/questions" className="brand">
            Forecast Desk
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container" style={{ maxWidth: "28rem" }}>
        {children}
      </main>
    </>
  );
}
