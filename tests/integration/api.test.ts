import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { forecasts } from "@/db/schema/forecasts";
import { resolutionAudit } from "@/db/schema/resolutions";
import { apiDocument } from "@/lib/api/openapi";
import { MAX_PAGE_SIZE } from "@/lib/api/schemas";
import { addQuestion, api, DAY, openApiDesk, type ApiDesk } from "./support/api-desk";

let desk: ApiDesk;
const forecastRows = () => desk.db.select({ n: count() }).from(forecasts).all()[0].n;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; field: string | null } }).error;

beforeEach(() => {
  desk = openApiDesk();
  addQuestion(desk.db, "q-open");
  addQuestion(desk.db, "q-guarded", { hideCrowdUntilForecast: true, closeTime: Date.now() + 40 * DAY });
  addQuestion(desk.db, "q-scenarios", { closeTime: Date.now() + 50 * DAY }, ["Low", "Mid", "High"]);
  addQuestion(desk.db, "q-closed", { openTime: Date.now() - 30 * DAY, closeTime: Date.now() - DAY });
  addQuestion(desk.db, "q-draft", { isDraft: true });
});
afterEach(() => desk.close());

describe("reading questions", () => {
  it("lists published questions without a token on a public desk, paged, with filters", async () => {
    const res = await api("GET", "/api/v1/questions?pageSize=2");
    expect(res.status).toBe(200);
    const page1 = await res.json();
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 4, pages: 2 });
    expect(page1.questions.map((q: { id: string }) => q.id)).toEqual(["q-closed", "q-open"]);
    const page2 = await (await api("GET", "/api/v1/questions?pageSize=2&page=2")).json();
    expect(page2.questions.map((q: { id: string }) => q.id)).toEqual(["q-guarded", "q-scenarios"]);

    const closed = await (await api("GET", "/api/v1/questions?status=closed")).json();
    expect(closed.questions.map((q: { id: string }) => q.id)).toEqual(["q-closed"]);
    // Drafts only for admins.
    const drafts = await (await api("GET", "/api/v1/questions?status=draft", { token: desk.admin.token })).json();
    expect(drafts.questions.map((q: { id: string }) => q.id)).toEqual(["q-draft"]);
    expect((await (await api("GET", "/api/v1/questions?status=draft")).json()).total).toBe(0);
  });

  it("caps the page size and names the bad parameter", async () => {
    const res = await api("GET", `/api/v1/questions?pageSize=${MAX_PAGE_SIZE + 1}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: "invalid_request", message: `pageSize must be at most ${MAX_PAGE_SIZE}`, field: "pageSize" });
    expect((await errorOf(await api("GET", "/api/v1/questions?status=maybe"))).field).toBe("status");
    expect((await errorOf(await api("GET", "/api/v1/questions?colour=red"))).field).toBe("colour");
    expect((await errorOf(await api("GET", "/api/v1/questions?page=1&page=2"))).field).toBe("page");
  });

  it("changedSince finds questions whose crowd moved (a new forecast) or whose definition changed", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    expect((await (await api("GET", `/api/v1/questions?changedSince=${since}`)).json()).total).toBe(0);
    const res = await api("POST", "/api/v1/questions/q-open/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 70 } });
    expect(res.status).toBe(201);
    const changed = await (await api("GET", `/api/v1/questions?changedSince=${encodeURIComponent(since)}`)).json();
    expect(changed.questions.map((q: { id: string }) => q.id)).toEqual(["q-open"]);
  });

  it("shows the crowd forecast only when the anchoring guard allows it", async () => {
    await api("POST", "/api/v1/questions/q-guarded/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 80 } });
    await api("POST", "/api/v1/questions/q-guarded/forecasts", { token: desk.ben.token, body: { kind: "binary", percent: 60 } });
    await api("POST", "/api/v1/questions/q-guarded/forecasts", { token: desk.admin.token, body: { kind: "binary", percent: 30 } });
    const visitor = await (await api("GET", "/api/v1/questions/q-guarded")).json();
    expect(visitor).toMatchObject({ crowdHidden: true, crowd: null });
    expect((await api("GET", "/api/v1/questions/q-guarded/crowd")).status).toBe(403);
    const ana = await (await api("GET", "/api/v1/questions/q-guarded", { token: desk.ana.token })).json();
    expect(ana.crowdHidden).toBe(false);
    expect(ana.crowd).toMatchObject({ method: "recency_weighted_median", forecasters: 3, population: "people" });
    // Median and mean of 0.8, 0.6 and 0.3: 0.6 and 17/30.
    const median = await (await api("GET", "/api/v1/questions/q-guarded/crowd?method=median", { token: desk.ana.token })).json();
    expect(median.points.at(-1).probabilities[1]).toBeCloseTo(0.6, 12);
    expect(median.points.map((p: { forecasters: number }) => p.forecasters)).toEqual([1, 2, 3, 3]);
    const mean = await (await api("GET", "/api/v1/questions/q-guarded/crowd?method=mean", { token: desk.ana.token })).json();
    expect(mean.points.at(-1).probabilities[1]).toBeCloseTo(17 / 30, 12);
  });

  it("answers 404 for unknown questions and drafts (to non-admins)", async () => {
    expect(await errorOf(await api("GET", "/api/v1/questions/nope"))).toMatchObject({ code: "not_found", field: "questionId" });
    expect((await api("GET", "/api/v1/questions/q-draft")).status).toBe(404);
    expect((await api("GET", "/api/v1/questions/q-draft", { token: desk.admin.token })).status).toBe(200);
  });
});

describe("submitting forecasts", () => {
  it("records binary and scenario forecasts by the form's rules", async () => {
    const res = await api("POST", "/api/v1/questions/q-open/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 62.5, rationale: "base rate" } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ questionId: "q-open", forecaster: "ana", probabilities: [0.375, 0.625], rationale: "base rate" });
    const sc = await api("POST", "/api/v1/questions/q-scenarios/forecasts", { token: desk.ana.token, body: { kind: "scenarios", percents: [20, 50, 30.04] } });
    expect(sc.status).toBe(201);
    const stored = desk.db.select().from(forecasts).where(eq(forecasts.questionId, "q-scenarios")).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(stored[0].probabilities[0]).toBeCloseTo(20 / 100.04, 12);
  });

  it("refuses what the form refuses, naming the field, and writes nothing", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["q-open", { kind: "binary", percent: 62.55 }, "percent"],
      ["q-open", { kind: "binary", percent: 0 }, "percent"],
      ["q-open", { kind: "binary", percent: "70" }, "percent"],
      ["q-open", { kind: "binary" }, "percent"],
      ["q-open", { kind: "binary", percent: 70, extra: 1 }, "extra"],
      ["q-open", { kind: "gaussian", percent: 70 }, "kind"],
      ["q-open", { percent: 70 }, "kind"],
      ["q-scenarios", { kind: "scenarios", percents: [20, 50, 20] }, "total"],
      ["q-scenarios", { kind: "scenarios", percents: [50, 50] }, "percents"],
      ["q-open", { kind: "scenarios", percents: [50, 50] }, "kind"],
      ["q-scenarios", { kind: "binary", percent: 50 }, "kind"],
      ["q-open", { kind: "binary", percent: 70, rationale: "x".repeat(5001) }, "rationale"],
    ];
    for (const [q, body, field] of cases) {
      const res = await api("POST", `/api/v1/questions/${q}/forecasts`, { token: desk.ana.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).field, JSON.stringify(body)).toBe(field);
    }
    const closed = await api("POST", "/api/v1/questions/q-closed/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 70 } });
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).message).toMatch(/closed/);
    expect(forecastRows()).toBe(0);
  });

  it("needs a live token; refuses wrong content types, malformed JSON and large bodies", async () => {
    const body = { kind: "binary", percent: 70 };
    expect(await errorOf(await api("POST", "/api/v1/questions/q-open/forecasts", { body }))).toMatchObject({ code: "unauthorized", field: "Authorization" });
    const wrong = await api("POST", "/api/v1/questions/q-open/forecasts", { body, headers: { authorization: "Bearer fd_not-a-token" } });
    expect(wrong.status).toBe(401);
    const { listing, token } = createApiToken(desk.db, { userId: desk.ana.id, name: "short-lived", now: Date.now() });
    expect((await api("POST", "/api/v1/questions/q-open/forecasts", { token, body })).status).toBe(201);
    expect(revokeApiToken(desk.db, { userId: desk.ana.id, tokenId: listing.id, now: Date.now() })).toBe(true);
    expect((await api("POST", "/api/v1/questions/q-open/forecasts", { token, body })).status).toBe(401);

    const t = desk.ana.token;
    const asText = await api("POST", "/api/v1/questions/q-open/forecasts", { token: t, rawBody: JSON.stringify(body), headers: { "content-type": "text/plain" } });
    expect(asText.status).toBe(415);
    const malformed = await api("POST", "/api/v1/questions/q-open/forecasts", { token: t, rawBody: "{kind: binary", headers: { "content-type": "application/json" } });
    expect(await errorOf(malformed)).toMatchObject({ code: "malformed_json", field: "body" });
    const huge = await api("POST", "/api/v1/questions/q-open/forecasts", { token: t, rawBody: JSON.stringify({ ...body, rationale: "x".repeat(200_000) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
    expect(forecastRows()).toBe(1);
  });
});

describe("resolving (admins)", () => {
  it("resolves, refuses a second resolve, corrects and annuls, each with an audit row", async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const analyst = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.ana.token, body: { action: "resolve", outcome: 1, resolveTime: at } });
    expect(analyst.status).toBe(403);
    const ok = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 1, resolveTime: at, evidence: "press release" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ action: "resolve", resolution: { outcome: 1, outcomeLabel: "yes", annulled: false, evidence: "press release" } });
    const again = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 0, resolveTime: at } });
    expect(await errorOf(again)).toMatchObject({ code: "conflict", field: "action" });
    const corrected = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "correct", outcome: 0, resolveTime: at } });
    expect((await corrected.json()).action).toBe("correct");
    const annulled = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "annul", resolveTime: at, reason: "question was ambiguous" } });
    expect(await annulled.json()).toMatchObject({ action: "annul", resolution: { annulled: true, outcome: null, evidence: "question was ambiguous" } });
    const audit = desk.db.select().from(resolutionAudit).all().map((r) => r.action);
    expect(audit).toEqual(["resolve", "correct", "annul"]);
  });

  it("applies the resolve form's rules: future times, times before opening, outcomes out of range", async () => {
    const future = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const early = new Date(Date.now() - 60 * DAY).toISOString();
    const res1 = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 1, resolveTime: future } });
    expect(await errorOf(res1)).toMatchObject({ field: "resolveTime", message: "resolveTime: Resolve time cannot be in the future" });
    const res2 = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 1, resolveTime: early } });
    expect((await errorOf(res2)).field).toBe("resolveTime");
    const res3 = await api("POST", "/api/v1/questions/q-closed/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 2, resolveTime: new Date().toISOString() } });
    expect((await errorOf(res3)).field).toBe("outcome");
    expect(desk.db.select().from(resolutionAudit).all()).toEqual([]);
  });
});

describe("scores, export, me and the OpenAPI document", () => {
  it("gives a forecaster's scores computed as the profile page does", async () => {
    addQuestion(desk.db, "q-past", { openTime: Date.now() - 20 * DAY, closeTime: Date.now() + 5 * DAY });
    await api("POST", "/api/v1/questions/q-past/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 70 } });
    // Resolved a moment after the forecast (resolve times are whole seconds; a forecast after Ta would not count).
    const after = new Date(Date.now() + 2000).toISOString();
    const resolved = await api("POST", "/api/v1/questions/q-past/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 1, resolveTime: after } });
    expect(resolved.status).toBe(200);
    const res = await api("GET", "/api/v1/forecasters/ana/scores");
    expect(res.status).toBe(200);
    const scores = await res.json();
    expect(scores.questions).toHaveLength(1);
    // Brier of P(yes) = 0.7 on yes: (1 − 0.7)² = 0.09.
    expect(scores.questions[0]).toMatchObject({ questionId: "q-past", outcome: "yes", finalForecast: 0.7 });
    expect(scores.questions[0].finalBrier).toBeCloseTo(0.09, 12);
    expect(scores.calibration.bins).toHaveLength(10);
    expect(scores.calibration.bins[7]).toMatchObject({ n: 1, meanForecast: 0.7, observed: 1 });
    expect((await api("GET", "/api/v1/forecasters/nobody/scores")).status).toBe(404);
    expect((await errorOf(await api("GET", "/api/v1/forecasters/ana/scores?from=2026-02-30"))).field).toBe("from");
  });

  it("exports for admins only, in both formats", async () => {
    await api("POST", "/api/v1/questions/q-open/forecasts", { token: desk.ana.token, body: { kind: "binary", percent: 70 } });
    expect((await api("GET", "/api/v1/export", { token: desk.ana.token })).status).toBe(403);
    const doc = await (await api("GET", "/api/v1/export?format=json", { token: desk.admin.token })).json();
    expect(doc.format).toBe("forecast-desk/v1");
    expect(doc.forecasts).toHaveLength(1);
    const csv = await (await api("GET", "/api/v1/export?format=csv&file=forecasts", { token: desk.admin.token })).text();
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    expect((await errorOf(await api("GET", "/api/v1/export?format=csv", { token: desk.admin.token }))).field).toBe("file");
  });

  it("on a private desk every endpoint needs a token", async () => {
    process.env.REQUIRE_SIGN_IN = "1";
    try {
      expect((await api("GET", "/api/v1/questions")).status).toBe(401);
      expect((await api("GET", "/api/v1/openapi.json")).status).toBe(401);
      expect((await api("GET", "/api/v1/questions", { token: desk.ana.token })).status).toBe(200);
      expect(await (await api("GET", "/api/v1/me", { token: desk.ana.token })).json()).toEqual({ handle: "ana", name: "Ana Lind", role: "analyst", isBot: false });
    } finally {
      delete process.env.REQUIRE_SIGN_IN;
    }
  });

  it("serves an OpenAPI 3.1 document whose request schemas are the ones that validate", async () => {
    const doc = await (await api("GET", "/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc).toEqual(JSON.parse(JSON.stringify(apiDocument())));
    const body = doc.paths["/questions/{questionId}/forecasts"].post.requestBody.content["application/json"].schema;
    expect(body).toEqual({ $ref: "#/components/schemas/ForecastSubmission" });
    const binary = doc.components.schemas.BinaryForecast;
    expect(binary.properties.percent).toMatchObject({ type: "number", minimum: 0.1, maximum: 99.9 });
    expect(binary.additionalProperties).toBe(false);
    const pageSize = doc.paths["/questions"].get.parameters.find((p: { name: string }) => p.name === "pageSize");
    expect(pageSize.schema.maximum).toBe(MAX_PAGE_SIZE);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a token's budget is spent", async () => {
    const { token } = createApiToken(desk.db, { userId: desk.ben.id, name: "slow", now: Date.now(), rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await api("GET", "/api/v1/me", { token })).status).toBe(200);
    const limited = await api("GET", "/api/v1/me", { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(20);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    // Other tokens keep their own budget.
    expect((await api("GET", "/api/v1/me", { token: desk.ana.token })).status).toBe(200);
  });
});
