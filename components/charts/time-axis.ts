import { calendarTicks, formatMoment } from "@/lib/format/date";

/**
 * The props of a recharts time XAxis from `start` to `end` in the viewer's zone: calendar ticks (days,
 * weeks, months or years; at most `maxTicks`) labelled by the one date formatter. Spread into <XAxis {...timeAxis(…)} />.
 */
export function timeAxis(start: number, end: number, zone: string, maxTicks = 5) {
  const { ticks, unit } = calendarTicks(start, end, zone, maxTicks);
  return {
    dataKey: "time",
    type: "number" as const,
    scale: "time" as const,
    domain: [start, end],
    ticks,
    tickFormatter: (t: number) => formatMoment(t, unit, zone),
    label: { value: "Date (your time zone)", position: "insideBottom" as const, offset: -14 },
    interval: 0 as const,
  };
}
