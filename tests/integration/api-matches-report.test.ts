// Every number the API gives for the worked examples equals the scorer's report: the examples of
// tests/fixtures/exchange (example.json, and edge-cases.json whose forecasts of 0 and 1 are clipped
// when read, docs/formulas.md §2.4) are imported into a desk and read back through the API's crowd,
// question and scores endpoints; each crowd forecast at close (every method) and each forecaster's score
// rows, summary and calibration must equal the independently computed <name>.report.json (1e-9; Jeffreys
// bounds 1e-7, docs/report-format.md §7). The question page and the profile read the same functions
// (db/queries/crowd questionCrowd, db/queries/track-records forecasterTrackRecord).
// Then one forecaster is marked a bot: everyone's numbers still equal the report, and the people-only
// numbers equal the scorer run on the dataset without the bot's forecasts.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markBot } from "@/db/queries/bots";
import { importDataset } from "@/db/queries/exchange";
import { findUserByHandle } from "@/db/queries/users";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import type { Dataset } from "@/lib/types";
import { AGGREGATION_METHODS } from "@/lib/types";
import { exchangeFixture } from "../fixtures";
import { api, openApiDesk, type ApiDesk } from "./support/api-desk";

type JsonReport = {
  questions: Record<string, { aggregates: Record<string, number | Record<string, number> | null> }>;
  scores: Array<Record<string, number | string | null>>;
  forecasters: Record<string, Record<string, number>>;
  calibration: { final: { by_forecaster: Record<string, JsonCalibration> }; time_weighted: { by_forecaster: Record<string, JsonCalibration> } };
};
type JsonCalibration = { bins: Array<Record<string, number | null>>; brier: number | null; reliability: number | null; resolution: number | null };

const EXAMPLES = ["example", "edge-cases"] as const;
const datasets = new Map<string, Dataset>();
const reports = new Map<string, JsonReport>();
let desk: ApiDesk;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const close = (actual: unknown, expected: number | null, what: string, tol = 1e-9) => {
  if (expected === null) return expect(actual, what).toBeNull();
  expect(typeof actual, what).toBe("number");
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};

async function get(url: string) {
  const res = await api("GET", url, { token: desk.admin.token }); // an admin: the anchoring guard never hides the crowd
  expect(res.status, url).toBe(200);
  return res.json();
}

beforeAll(() => {
  desk = openApiDesk();
  for (const name of EXAMPLES) {
    const read = readDatasetV1(JSON.parse(fs.readFileSync(exchangeFixture(`${name}.json`), "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    datasets.set(name, read.dataset);
    reports.set(name, JSON.parse(fs.readFileSync(exchangeFixture(`${name}.report.json`), "utf8")));
    importDataset(desk.db, read.dataset, { now: Date.parse("2025-06-01T00:00:00Z") });
  }
});
afterAll(() => desk.close());

/** The API's crowd of every question of `dataset`, every method, at close (or now), against `report`. */
async function expectCrowdsMatch(dataset: Dataset, report: JsonReport, population: string) {
  let compared = 0;
  for (const q of dataset.questions) {
    const expected = report.questions[q.id].aggregates;
    for (const method of AGGREGATION_METHODS) {
      const body = await get(`/api/v1/questions/${encodeURIComponent(q.id)}/crowd?method=${method}&population=${population}`);
      expect(body.population).toBe(population);
      const last = body.points.at(-1);
      const e = expected[method];
      if (e === null) {
        expect(last, `${q.id} ${method}`).toBeUndefined();
        continue;
      }
      const vector: number[] = last.probabilities;
      if (typeof e === "number") close(vector[1], e, `${q.id} ${method} P(yes)`);
      else q.options.forEach((label, i) => close(vector[i], e[label], `${q.id} ${method} ${label}`));
      compared++;
    }
  }
  return compared;
}

/** The API's scores of every forecaster of `report`, against it. */
async function expectScoresMatch(report: JsonReport, population: string, handles = Object.keys(report.forecasters)) {
  for (const handle of handles) {
    const final = await get(`/api/v1/forecasters/${handle}/scores?sample=final&bins=10&population=${population}`);
    expect(final.population).toBe(population);
    const summary = report.forecasters[handle];
    for (const [key, value] of Object.entries(summary)) close(final.summary[camel(key)], value, `${handle} ${key}`);
    const rows = report.scores.filter((r) => r.forecaster === handle);
    expect(final.questions.map((q: { questionId: string }) => q.questionId).sort()).toEqual(rows.map((r) => r.question).sort());
    for (const r of rows) {
      const got = final.questions.find((q: { questionId: string }) => q.questionId === r.question);
      for (const key of ["final_brier", "brier_time_avg", "relative_brier", "baseline", "peer", "coverage"])
        close(got[camel(key)], r[key] as number | null, `${handle} ${r.question} ${key}`);
    }
    const timeWeighted = await get(`/api/v1/forecasters/${handle}/scores?sample=time_weighted&bins=10&population=${population}`);
    for (const [body, expected] of [
      [final, report.calibration.final.by_forecaster[handle]],
      [timeWeighted, report.calibration.time_weighted.by_forecaster[handle]],
    ] as const) {
      expect(body.calibration.bins).toHaveLength(expected.bins.length);
      body.calibration.bins.forEach((bin: Record<string, number | null>, i: number) => {
        for (const [key, value] of Object.entries(expected.bins[i]))
          close(bin[camel(key)], value, `${handle} bin ${i} ${key}`, key.startsWith("jeffreys") ? 1e-7 : 1e-9);
      });
      if (body.calibration.murphy) for (const key of ["brier", "reliability", "resolution"] as const) close(body.calibration.murphy[key], expected[key], `${handle} ${key}`);
    }
  }
}

describe("the API's numbers equal the scorer's report", () => {
  it("crowd forecasts of every method at close, read clipped, and the question's crowd", async () => {
    for (const name of EXAMPLES) {
      const compared = await expectCrowdsMatch(datasets.get(name)!, reports.get(name)!, "people");
      expect(compared).toBeGreaterThan(0);
      for (const q of datasets.get(name)!.questions) {
        const rwm = reports.get(name)!.questions[q.id].aggregates.recency_weighted_median;
        const crowd = (await get(`/api/v1/questions/${encodeURIComponent(q.id)}`)).crowd;
        if (rwm === null) expect(crowd).toBeNull();
        else if (typeof rwm === "number") close(crowd.probabilities[1], rwm, `${q.id} crowd`);
        else q.options.forEach((label, i) => close(crowd.probabilities[i], rwm[label], `${q.id} crowd ${label}`));
      }
    }
    // The edge cases hold forecasts of exactly 0 and 1: pooled unclipped, the geometric mean of odds
    // would be 1 (or undefined), not the report's value.
    const edge = await get(`/api/v1/questions/edge-ties/crowd?method=geometric_odds`);
    close(edge.points.at(-1).probabilities[1], reports.get("edge-cases")!.questions["edge-ties"].aggregates.geometric_odds as number, "edge-ties");
  });

  it("each forecaster's score rows, summary and calibration", async () => {
    for (const name of EXAMPLES) await expectScoresMatch(reports.get(name)!, "people");
  });

  it("with a bot on the desk: everyone's numbers are the report's, people's are the scorer's without the bot", async () => {
    const eli = findUserByHandle(desk.db, "eli")!; // forecasts 1.0 on edge-ties (clipped) and a scenario vector
    expect(markBot(desk.db, { userId: eli.id, model: "baseline model", ownerId: desk.ana.id, actorId: desk.admin.id, now: Date.now() })).toEqual({ ok: true });
    const edge = datasets.get("edge-cases")!;
    const everyone = reports.get("edge-cases")!;
    const withoutBot: Dataset = { ...edge, forecasts: edge.forecasts.filter((f) => f.forecaster !== "eli") };
    const peopleReport = JSON.parse(JSON.stringify(reportToJson(scoreDataset(withoutBot)))) as JsonReport;
    const botOnly: Dataset = { ...edge, forecasts: edge.forecasts.filter((f) => f.forecaster === "eli") };
    const botReport = JSON.parse(JSON.stringify(reportToJson(scoreDataset(botOnly)))) as JsonReport;

    expect(await expectCrowdsMatch(edge, everyone, "both")).toBeGreaterThan(0);
    expect(await expectCrowdsMatch(edge, peopleReport, "people")).toBeGreaterThan(0);
    expect(await expectCrowdsMatch(edge, botReport, "bots")).toBeGreaterThan(0);
    // The default crowd (no population asked for) is people's.
    const defaultCrowd = (await get("/api/v1/questions/edge-ties")).crowd;
    expect(defaultCrowd.population).toBe("people");
    close(defaultCrowd.probabilities[1], peopleReport.questions["edge-ties"].aggregates.recency_weighted_median as number, "default crowd");

    // People's scores against people; the bot against people = the bot with every person = the report.
    await expectScoresMatch(everyone, "both");
    await expectScoresMatch(peopleReport, "people");
    await expectScoresMatch(everyone, "people", ["eli"]);
    await expectScoresMatch(botReport, "bots", ["eli"]);
    expect((await get("/api/v1/forecasters/eli/scores")).isBot).toBe(true);
  });
});
