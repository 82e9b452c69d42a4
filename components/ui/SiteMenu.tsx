"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

/**
 * The header's navigation and account links: in a row on a wide screen, behind a "Menu" button on a
 * narrow one (the button shows only there, by CSS). Closes again when the page changes.
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  return (
    <>
      <button
        type="button"
        className="btn btn-small menu-toggle"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenAt(open ? null : pathname)}
      >
        Menu
      </button>
      <div id="site-menu" className="site-menu" data-open={open ? "true" : "false"}>
        {children}
      </div>
    </>
  );
}
