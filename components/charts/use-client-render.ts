"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False on the server and during hydration, true after: charts draw only in the browser, where
 * their size and the viewer's time zone are known (avoids hydration mismatches in axis labels).
 */
export function useClientRender(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
