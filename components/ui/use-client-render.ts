"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False on the server and during hydration, true after: charts and local times render only in the
 * browser, where the viewer's size and time zone are known (no hydration mismatches).
 */
export function useClientRender(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
