"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** A recharts chart that fills its container's width at a fixed height (phones to wide screens). */
export function ResponsiveChart({ height, children }: { height: number; children: ReactElement }) {
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}
