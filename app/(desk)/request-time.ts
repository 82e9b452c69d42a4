import { connection } from "next/server";

/**
 * The server's clock for this request (epoch ms), the `now` that pages pass to lib/. Awaiting
 * connection() first keeps the page dynamic, so `now` is never frozen into a prerender.
 */
export async function requestTime(): Promise<number> {
  await connection();
  return Date.now();
}
