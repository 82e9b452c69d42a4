"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { useClientRender } from "@/components/ui/use-client-render";

/**
 * A recharts chart that fills its container's width at a fixed height (phones to wide screens).
 * Drawn only in the browser (useClientRender), which knows the width; the server sends a box of the
 * chart's height, so nothing moves when it appears. Drawing recharts' SVG on the server cost more
 * than the rest of a track-record page (the crowd page at 1M: 31 → 19 ms CPU per request without it),
 * and at a guessed width it was redrawn in the browser anyway. The data stays in the frame's table.
 */
export function ResponsiveChart({ height, children }: { height: number; children: ReactElement }) {
  const ready = useClientRender();
  return (
    <div style={{ width: "100%", height }}>
      {ready ? (
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height }}>
          {children}
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
