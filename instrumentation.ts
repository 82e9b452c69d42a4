// Next calls register() once when a server process starts (`next start`, a custom server, `next dev`).
// The notification job loop lives there so it runs without a cron (jobs/notification-loop.ts).

/**
 * How far V8 lets the server's heap grow past what survived its last full collection before it
 * collects again: 60%, where V8's own heuristic allows up to 4× on a fast machine. Page renders leave
 * mostly garbage (the live heap stayed at 80–160 MB of a 280–340 MB heap), so the default let the
 * server reach 446–600 MB under load; with this, 263–302 MB on the demo, 100k and 1M desks, each
 * page's share of /signin's throughput unchanged (docs/scaling.md, "Server memory"). Not a cap: a 1M export still gets the memory it needs.
 */
const HEAP_GROWING_PERCENT = 60;

export async function register() {
  // Not in the edge runtime, and not while `next build` collects page data.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const { startNotificationLoop } = await import("./jobs/notification-loop");
  startNotificationLoop();
}
