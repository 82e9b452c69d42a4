import { otherMethods } from "../_lib/methods";
// GET /api/v1/health — answers without touching the database: a liveness probe, and the load test's
// ceiling (the framework's own throughput for a route that does nothing).
export function GET(): Response {
  return Response.json({ ok: true });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
