import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IDEMPOTENCY_RETENTION_MS, runIdempotent } from "@/db/queries/api-tokens";
import { forecasts } from "@/db/schema/forecasts";
import { idempotencyKeys } from "@/db/schema/api";
import { addQuestion, api, openApiDesk, type ApiDesk } from "./support/api-desk";

let desk: ApiDesk;
const forecastRows = () => desk.db.select({ n: count() }).from(forecasts).all()[0].n;
const HOUR = 3_600_000;

beforeEach(() => {
  desk = openApiDesk();
  addQuestion(desk.db, "q1");
});
afterEach(() => desk.close());

describe("Idempotency-Key", () => {
  it("a retry after a dropped response returns the first answer and finds one forecast", async () => {
    const send = () =>
      api("POST", "/api/v1/questions/q1/forecasts", {
        token: desk.ana.token,
        body: { kind: "binary", percent: 64, rationale: "retry me" },
        headers: { "idempotency-key": "5f1c2a9e-retry" },
      });
    await send(); // the server recorded it; the client never saw this answer (dropped)
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const replayed = await retry.json();
    const stored = desk.db.select().from(forecasts).all();
    expect(stored).toHaveLength(1);
    expect(replayed.id).toBe(stored[0].id);
    expect(replayed.probabilities).toEqual([0.36, 0.64]);
  });

  it("the same key with another body is a 409 naming the header, and writes nothing", async () => {
    const headers = { "idempotency-key": "k-1" };
    expect((await api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 64 }, headers })).status).toBe(201);
    const other = await api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 65 }, headers });
    expect(other.status).toBe(409);
    expect((await other.json()).error).toMatchObject({ code: "idempotency_key_reused", field: "Idempotency-Key" });
    expect(forecastRows()).toBe(1);
  });

  it("keys belong to their user: another user's same key is a new request", async () => {
    const headers = { "idempotency-key": "shared" };
    const body = { kind: "binary", percent: 50 };
    await api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ana.token, body, headers });
    expect((await api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ben.token, body, headers })).headers.get("idempotent-replayed")).toBeNull();
    expect(forecastRows()).toBe(2);
  });

  it("concurrent requests with one key write once", async () => {
    const body = { kind: "binary", percent: 42 };
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ana.token, body, headers: { "idempotency-key": "burst" } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(201));
    expect(new Set(await Promise.all(answers.map(async (a) => (await a.json()).id))).size).toBe(1);
    expect(forecastRows()).toBe(1);
  });

  it("refuses malformed keys", async () => {
    const res = await api("POST", "/api/v1/questions/q1/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 42 }, headers: { "idempotency-key": "has space" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("Idempotency-Key");
    expect(forecastRows()).toBe(0);
  });

  it("keeps answers for at least 24 hours; expired keys are dropped as new ones arrive", () => {
    const t0 = Date.UTC(2026, 0, 1);
    let runs = 0;
    const work = () => ({ status: 201, body: { run: ++runs } });
    const call = (key: string, now: number) => runIdempotent(desk.db, { userId: desk.ana.id, key, requestHash: "h", now }, work);
    expect(call("a", t0)).toEqual({ kind: "fresh", answer: { status: 201, body: { run: 1 } } });
    expect(call("a", t0 + 24 * HOUR)).toEqual({ kind: "replayed", answer: { status: 201, body: { run: 1 } } });
    expect(IDEMPOTENCY_RETENTION_MS).toBeGreaterThanOrEqual(24 * HOUR);
    expect(call("a", t0 + IDEMPOTENCY_RETENTION_MS - 1).kind).toBe("replayed");
    // Past the retention the key is new again, and the old row is pruned when another key arrives.
    expect(call("b", t0 + IDEMPOTENCY_RETENTION_MS + 1).kind).toBe("fresh");
    expect(desk.db.select().from(idempotencyKeys).all().map((r) => r.key)).toEqual(["b"]);
    expect(runs).toBe(2);
  });
});
