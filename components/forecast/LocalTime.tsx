"use client";

import { useClientRender } from "@/components/ui/use-client-render";

export type LocalTimeStyle = "datetime" | "date";

/** Formats epoch ms in the viewer's locale and time zone ("date" drops the time of day). */
export function formatLocalTime(ms: number, style: LocalTimeStyle = "datetime"): string {
  const d = new Date(ms);
  return style === "date"
    ? d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })
    : d.toLocaleString(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      });
}

/** The server's rendering: UTC, unambiguous, replaced by local time once the page hydrates. */
function formatUtc(ms: number, style: LocalTimeStyle): string {
  const iso = new Date(ms).toISOString();
  return style === "date" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A moment (UTC epoch ms) shown in the viewer's local time. The server renders UTC and the client
 * switches to local time after hydration (useClientRender), so no mismatch.
 */
export function LocalTime({ ms, style = "datetime" }: { ms: number; style?: LocalTimeStyle }) {
  const text = useClientRender() ? formatLocalTime(ms, style) : formatUtc(ms, style);
  return (
    <time dateTime={new Date(ms).toISOString()} title={new Date(ms).toISOString()}>
      {text}
    </time>
  );
}
