import Link from "next/link";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-nav">
        <div className="container">
          <Link href="/questions" className="brand">
            Forecast Desk
          </Link>
        </div>
      </header>
      <main className="container" style={{ maxWidth: "28rem" }}>
        {children}
      </main>
    </>
  );
}
