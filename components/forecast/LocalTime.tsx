"use client";

import { useClientRender } from "@/components/ui/use-client-render";
import { formatMoment, formatRelative, viewerTimeZone, type MomentStyle } from "@/lib/format/date";

/**
 * A moment (UTC epoch ms) in the desk's one style (lib/format/date), in the viewer's time zone with
 * the UTC reading on hover. The server renders UTC; once the page hydrates (useClientRender) the
 * client switches to the viewer's zone and, with `relative`, adds how far away it is ("in 5 days"),
 * so server and first client render agree.
 */
export function LocalTime({
  ms,
  style = "datetime",
  relative = false,
}: {
  ms: number;
  style?: MomentStyle;
  relative?: boolean;
}) {
  const client = useClientRender();
  const utc = formatMoment(ms, style, "UTC");
  const text = client ? formatMoment(ms, style, viewerTimeZone()) : utc;
  return (
    <>
      <time dateTime={new Date(ms).toISOString()} title={utc}>
        {text}
      </time>
      {client && relative ? <span className="relative-time"> ({formatRelative(ms, clientNow())})</span> : null}
    </>
  );
}

/** The browser's clock, read only once the page runs in the browser (the relative time is client-only). */
function clientNow(): number {
  return Date.now();
}
