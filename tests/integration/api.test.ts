import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { markBot } from "@/db/queries/bots";
import { createUser } from "@/db/queries/users";
import { listContinuousForecasts } from "@/db/queries/continuous-forecasts";
import { continuousForecasts } from "@/db/schema/continuous-questions";
import { forecasts } from "@/db/schema/forecasts";
import { interpolatedCdf, quantileLocation } from "@/lib/continuous/cdf";
import { cdfFromQuantiles } from "@/lib/continuous/quantile-cdf";
import { internalLocation, valueAtLocation } from "@/lib/continuous/scale";
import { resolutionAudit } from "@/db/schema/resolutions";
import { apiDocument } from "@/lib/api/openapi";
import { MAX_PAGE_SIZE } from "@/lib/api/schemas";
import { addQuestion, api, DAY, openApiDesk, type ApiDesk } from "./support/api-desk";
import { addScaledQuestion } from "./support/desk-questions";

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
    expect(await errorOf(await api("GET", "/api/v1/questions/q-guarded/crowd"))).toMatchObject({ code: "forbidden", field: "Authorization" });
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

describe("numeric and date questions", () => {
  // Prices 0–500 (closed bounds, linear); a date question over 2027 with an open upper bound.
  const PRICE = { unit: "USD", rangeMin: 0, rangeMax: 500, zeroPoint: null, openLowerBound: false, openUpperBound: false };
  const Y2027 = { unit: "", rangeMin: Date.UTC(2027, 0, 1), rangeMax: Date.UTC(2028, 0, 1), zeroPoint: null, openLowerBound: false, openUpperBound: true };
  const cdfRows = (questionId: string) => desk.db.select().from(continuousForecasts).where(eq(continuousForecasts.questionId, questionId)).all();
  beforeEach(() => {
    addScaledQuestion(desk.db, "q-price", "numeric", PRICE);
    addScaledQuestion(desk.db, "q-when", "date", Y2027);
    addScaledQuestion(desk.db, "q-price-guarded", "numeric", PRICE, { hideCrowdUntilForecast: true });
  });
  const post = (questionId: string, body: unknown, token = desk.ana.token, headers: Record<string, string> = {}) =>
    api("POST", `/api/v1/questions/${questionId}/forecasts`, { token, body, headers });

  it("records quantiles as the form does (same CDF, same rules naming the quantile, idempotent), echoed with its scale", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const res = await post("q-price", { kind: "numeric", quantiles: { p5: 80, p25: 100, p50: 115, p75: 130, p95: 160 }, rationale: "futures curve" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ kind: "numeric", questionId: "q-price", forecaster: "ana", quantiles: { p5: 80, p25: 100, p50: 115, p75: 130, p95: 160 }, rationale: "futures curve" });
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
    const values = [80, 100, 115, 130, 160];
    const expected = cdfFromQuantiles({ ...PRICE }, levels.map((level, i) => ({ level, value: values[i] })));
    if (!expected.ok) throw new Error("the form refuses these quantiles");
    const stored = listContinuousForecasts(desk.db, "q-price", Date.now(), "both");
    expect(stored).toHaveLength(1);
    expect(Array.from(stored[0].cdf)).toEqual(Array.from(expected.cdf));
    expect(body.cdf.p).toEqual(Array.from(expected.cdf));
    // The stored CDF meets each quantile within half a point: G(u(value)) ≈ level.
    levels.forEach((level, i) => expect(Math.abs(interpolatedCdf(stored[0].cdf, internalLocation(PRICE, values[i])) - level)).toBeLessThanOrEqual(0.005));
    // x: 201 points from 0 to 500 in steps of 2.5.
    expect(body.cdf.x).toHaveLength(201);
    expect([body.cdf.x[0], body.cdf.x[1], body.cdf.x[200]]).toEqual([0, 2.5, 500]);

    // A date question takes ISO dates (midnight UTC) or date-times; three quantiles suffice.
    const date = await post("q-when", { kind: "date", quantiles: { p25: "2027-03-01", p50: "2027-04-01T00:00:00Z", p95: "2027-09-30" } });
    expect(date.status).toBe(201);
    const dateBody = await date.json();
    expect(dateBody.quantiles).toEqual({ p25: "2027-03-01T00:00:00.000Z", p50: "2027-04-01T00:00:00.000Z", p95: "2027-09-30T00:00:00.000Z" });
    expect(dateBody.cdf.x[0]).toBe("2027-01-01T00:00:00.000Z");
    // Open upper bound: some probability lies after the range.
    expect(dateBody.cdf.p[200]).toBeLessThan(1);
    expect(cdfRows("q-when")).toHaveLength(1);
    // A numeric or date forecast changes its question's crowd: changedSince finds both.
    const changed = await (await api("GET", `/api/v1/questions?changedSince=${encodeURIComponent(since)}`)).json();
    expect(changed.questions.map((q: { id: string }) => q.id).sort()).toEqual(["q-price", "q-when"]);

    // What the form refuses, refused naming the quantile; nothing written.
    const cases: Array<[string, unknown, string, RegExp?]> = [
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p75: 130, p95: 160 } }, "quantiles.p50", /median/],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: 115 } }, "quantiles", /two other/],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 110 } }, "quantiles.p75", /greater than the 50 % quantile/],
      ["q-price", { kind: "numeric", quantiles: { p5: 0, p50: 115, p95: 160 } }, "quantiles.p5", /lower end of the range/],
      ["q-price", { kind: "numeric", quantiles: { p5: 80, p50: 115, p95: 500 } }, "quantiles.p95", /upper end/],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: "115", p75: 130 } }, "quantiles.p50", /number/],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130, p40: 110 } }, "quantiles.p40", /unknown field/],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: 1e300, p75: 130 } }, "quantiles.p50"],
      ["q-price", { kind: "numeric", quantiles: [100, 115, 130] }, "quantiles"],
      ["q-price", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 }, rationale: "x".repeat(5001) }, "rationale"],
      ["q-price", { kind: "binary", percent: 50 }, "kind", /numeric/],
      ["q-price", { kind: "date", quantiles: { p25: "2027-03-01", p50: "2027-04-01", p75: "2027-05-01" } }, "kind"],
      ["q-when", { kind: "date", quantiles: { p25: "2027-03-01", p50: 1800000000000, p75: "2027-05-01" } }, "quantiles.p50", /ISO 8601/],
      ["q-when", { kind: "date", quantiles: { p25: "2027-03-01", p50: "2027-02-30", p75: "2027-05-01" } }, "quantiles.p50"],
      ["q-when", { kind: "date", quantiles: { p5: "2026-12-31", p50: "2027-04-01", p75: "2027-05-01" } }, "quantiles.p5", /lower end/],
      ["q-open", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 } }, "kind", /binary/],
    ];
    for (const [q, body, field, message] of cases) {
      const res = await post(q, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(res);
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message.startsWith(`${field}`), error.message).toBe(true);
      if (message) expect(error.message, JSON.stringify(body)).toMatch(message);
    }
    addScaledQuestion(desk.db, "q-price-closed", "numeric", PRICE, { openTime: Date.now() - 30 * DAY, closeTime: Date.now() - DAY });
    const closed = await post("q-price-closed", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 } });
    expect(closed.status).toBe(409);
    expect(cdfRows("q-price")).toHaveLength(1);

    // A retried submission with its Idempotency-Key is replayed; the key with another body is refused.
    const retried = { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 } };
    const headers = { "idempotency-key": "numeric-retry-1" };
    const first = await post("q-price", retried, desk.ana.token, headers);
    const again = await post("q-price", retried, desk.ana.token, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    const other = await post("q-price", { ...retried, quantiles: { ...retried.quantiles, p50: 116 } }, desk.ana.token, headers);
    expect((await errorOf(other)).code).toBe("idempotency_key_reused");
    expect(cdfRows("q-price")).toHaveLength(2);
  });

  it("gives the crowd's distribution (people only): median, intervals and CDF, and its history, once the anchoring guard allows", async () => {
    const quantiles = [{ p25: 100, p50: 115, p75: 130 }, { p5: 150, p50: 200, p95: 300 }];
    for (const [i, who] of [desk.ana, desk.ben].entries()) expect((await post("q-price", { kind: "numeric", quantiles: quantiles[i] }, who.token)).status).toBe(201);
    // A bot's forecast (through the API, as bots must) stays out of the crowd people see.
    const bot = createUser(desk.db, { email: "bot@example.org", name: "Model bot", handle: "model-bot" });
    expect(markBot(desk.db, { userId: bot.id, model: "test-model", ownerId: desk.ana.id, actorId: desk.admin.id, now: Date.now() })).toEqual({ ok: true });
    const botToken = createApiToken(desk.db, { userId: bot.id, name: "bot", now: Date.now() }).token;
    expect((await post("q-price", { kind: "numeric", quantiles: { p25: 400, p50: 450, p75: 480 } }, botToken)).status).toBe(201);

    const question = await (await api("GET", "/api/v1/questions/q-price")).json();
    expect(question).toMatchObject({ type: "numeric", crowdHidden: false, scale: { unit: "USD", rangeMin: 0, rangeMax: 500, zeroPoint: null, openLowerBound: false, openUpperBound: false } });
    expect(question.crowd).toMatchObject({ method: "recency_weighted_mean", forecasters: 2, population: "people" });
    // Two forecasts: recency weights are both 1, so the pool is the plain mean of the two stored CDFs.
    const [a, b] = listContinuousForecasts(desk.db, "q-price", Date.now(), "people").map((f) => f.cdf);
    const pooled = Array.from(a, (v, j) => (v + b[j]) / 2);
    question.crowd.cdf.p.forEach((p: number, j: number) => expect(p).toBeCloseTo(pooled[j], 12));
    expect(question.crowd.quantiles.p50).toBeCloseTo(valueAtLocation(PRICE, quantileLocation(pooled, 0.5)), 9);
    expect(question.crowd.quantiles.p25).toBeLessThan(question.crowd.quantiles.p50);
    expect(question.crowd.quantiles.p5).toBeLessThan(question.crowd.quantiles.p25);
    expect(question.crowd.quantiles.p95).toBeGreaterThan(question.crowd.quantiles.p75);

    const series = await (await api("GET", "/api/v1/questions/q-price/crowd")).json();
    expect(series).toMatchObject({ questionId: "q-price", method: "recency_weighted_mean", population: "people" });
    expect(series.points.map((p: { forecasters: number }) => p.forecasters)).toEqual([1, 2]);
    // After Ana's forecast alone, the crowd's median is hers.
    expect(series.points[0].quantiles.p50).toBeCloseTo(115, 0);
    expect(series.current.quantiles).toEqual(question.crowd.quantiles);
    const bots = await (await api("GET", "/api/v1/questions/q-price/crowd?population=bots")).json();
    expect(bots.points.map((p: { forecasters: number }) => p.forecasters)).toEqual([1]);
    expect(bots.current.quantiles.p50).toBeCloseTo(450, 0);
    expect(await errorOf(await api("GET", "/api/v1/questions/q-price/crowd?method=geometric_odds"))).toMatchObject({ code: "invalid_request", field: "method" });
    expect(await errorOf(await api("GET", "/api/v1/questions/q-open/crowd?method=recency_weighted_mean"))).toMatchObject({ code: "invalid_request", field: "method" });

    // The anchoring guard keeps the crowd from an analyst until they forecast, and says so on Authorization.
    expect((await post("q-price-guarded", { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 } }, desk.ben.token)).status).toBe(201);
    expect(await (await api("GET", "/api/v1/questions/q-price-guarded", { token: desk.ana.token })).json()).toMatchObject({ crowdHidden: true, crowd: null });
    const guarded = await errorOf(await api("GET", "/api/v1/questions/q-price-guarded/crowd", { token: desk.ana.token }));
    expect(guarded).toMatchObject({ code: "forbidden", field: "Authorization" });
    expect(guarded.message).toContain("POST /api/v1/questions/q-price-guarded/forecasts");
    expect((await post("q-price-guarded", { kind: "numeric", quantiles: { p25: 90, p50: 110, p75: 140 } })).status).toBe(201);
    expect((await api("GET", "/api/v1/questions/q-price-guarded/crowd", { token: desk.ana.token })).status).toBe(200);
    expect((await (await api("GET", "/api/v1/questions/q-price-guarded", { token: desk.ana.token })).json()).crowd.forecasters).toBe(2);
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
    // Numeric and date forecasts: quantiles p5 … p95, the median required, numbers or ISO dates.
    const numeric = doc.components.schemas.NumericForecast;
    expect(numeric.properties.kind).toMatchObject({ const: "numeric" });
    expect(numeric.properties.quantiles.required).toEqual(["p50"]);
    expect(Object.keys(numeric.properties.quantiles.properties)).toEqual(["p5", "p25", "p50", "p75", "p95"]);
    expect(numeric.properties.quantiles.properties.p50).toMatchObject({ type: "number" });
    expect(JSON.stringify(doc.components.schemas.DateForecast.properties.quantiles.properties.p50)).toContain("date");
    expect(doc.components.schemas.ForecastSubmission.oneOf).toHaveLength(4);
    expect(doc.components.schemas.CrowdDistribution.properties.quantiles).toBeDefined();
    expect(doc.paths["/questions/{questionId}/forecasts"].post.responses["405"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
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
