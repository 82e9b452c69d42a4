// Next calls register() once when a server process starts (`next start`, a custom server, `next dev`).
// The notification job loop lives there so it runs without a cron (jobs/notification-loop.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNotificationLoop } = await import("./jobs/notification-loop");
  startNotificationLoop();
}
