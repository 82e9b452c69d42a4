"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Navigation links that mark the current section with aria-current="page". */
export function NavLinks({ links, label }: { links: ReadonlyArray<{ href: string; label: string }>; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul>
        {links.map((l) => {
          const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? "page" : undefined}>
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
