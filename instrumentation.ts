// Next calls register() once when a server process starts (`next start`, a custom server, `next dev`).
// The notification job loop lives there so it runs without a cron (jobs/notification-loop.ts).
export async function register() {
  // Not in the edge runtime, and not while `next build` collects page data.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startNotificationLoop } = await import("./jobs/notification-loop");
  startNotificationLoop();
}
