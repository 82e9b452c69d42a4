// One source of truth for numeric and date questions (issue 13): a desk imported by the app's own CLI
// from tests/fixtures/continuous/continuous-example.json, served by a second server of the .next-e2e
// build, shows on its profiles, leaderboard and crowd page the numbers that the command-line scorer
// (`npm run --silent score`, run here on the same file) prints: scores, means, PIT histograms and
// central-interval coverage with Jeffreys intervals. Screenshots go to artifacts/screenshots/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { appEnvironment, BIN, freePort, run, serve, type RunningServer } from "./global-setup";
import { continuousFixture } from "../fixtures";
import type { Json } from "../continuous-report";
import { openDb, type Db } from "@/db/client";
import { findForecasterName } from "@/db/queries/track-records";
import type { CentralIntervalCoverage } from "@/lib/continuous/pit-calibration";
import { CONTINUOUS_AGGREGATION_METHODS } from "@/lib/continuous/types";
import { formatNumber } from "@/lib/format/number";
import { CONTINUOUS_AGGREGATION_METHOD_LABELS, centralIntervalSentence } from "@/lib/track-records/continuous-record";

const FIXTURE = continuousFixture("continuous-example.json");

let tmpDir: string;
let db: Db;
let server: RunningServer | undefined;
let browser: BrowserSession | undefined;
let page: Page;
/** The scorer's report on the imported file, as `npm run --silent score` prints it. */
let report: Json;

beforeAll(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-e2e-continuous-"));
  const databasePath = path.join(tmpDir, "continuous.db");
  const port = await freePort();
  const env = appEnvironment(databasePath, port);
  await run(path.join(BIN, "tsx"), ["cli/prepare.ts"], env, "continuous-prepare.log");
  await run(path.join(BIN, "tsx"), ["cli/import.ts", FIXTURE], env, "continuous-import.log");
  const scored = spawnSync(process.execPath, ["--require", "tsx/cjs", "cli/score.ts", FIXTURE], { cwd: path.resolve(__dirname, "..", ".."), encoding: "utf8", env });
  expect(scored.status, scored.stderr).toBe(0);
  report = JSON.parse(scored.stdout);
  server = await serve(databasePath, port, "continuous-server.log");
  db = openDb(databasePath, { migrate: false });
  browser = await openBrowser(server.baseURL);
  page = browser.page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  db?.$client.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

/** A report's central interval (snake_case) as the engine's type. */
const interval = (c: Json): CentralIntervalCoverage => ({
  level: c.level,
  n: c.n,
  inside: c.inside,
  coverage: c.coverage,
  jeffreysLo: c.jeffreys_lo,
  jeffreysHi: c.jeffreys_hi,
});
const sentences = (pitcal: Json, whose: string, noun?: string) => (pitcal.central_intervals as Json[]).map((c) => centralIntervalSentence(interval(c), whose, noun));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("a desk imported from continuous-example.json", () => {
  it("shows each forecaster's scores, means and calibration on the profile", async () => {
    const forecasters = Object.keys(report.forecasters);
    expect(forecasters.length).toBe(3);
    for (const handle of forecasters) {
      const expected = report.forecasters[handle];
      const name = findForecasterName(db, handle)!.name;
      for (const sample of ["final", "time_weighted"] as const) {
        await page.goto(`/forecasters/${encodeURIComponent(handle)}?sample=${sample}`);
        await expect(page.getByTestId("summary-n-questions").textContent()).resolves.toBe(String(expected.n_questions));
        await expect(page.getByTestId("summary-mean-peer").textContent()).resolves.toBe(formatNumber(expected.mean_peer, "points"));
        await expect(page.getByTestId("summary-mean-crps").textContent()).resolves.toBe(formatNumber(expected.mean_crps, "score"));
        await expect(page.getByTestId("summary-mean-pit").textContent()).resolves.toBe(formatNumber(expected.mean_pit, "probability"));
        await expect(page.getByTestId("summary-mean-log-score-continuous").textContent()).resolves.toBe(
          formatNumber(expected.mean_final_log_score_continuous, "score"),
        );
        const set = report.calibration.continuous[sample].by_forecaster[handle];
        await expect(page.getByTestId("continuous-calibration-coverage").locator("li").allTextContents()).resolves.toEqual(sentences(set, `${name}'s`));
        // The PIT histogram draws every bin; its table holds each bin's count beside the expected N/B.
        const pit = page.getByTestId("continuous-calibration-pit");
        await expect(pit.getAttribute("data-points")).resolves.toBe(String(set.bins.length));
        const cells = await pit.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
        expect(cells.length).toBe(set.bins.length);
        (set.bins as Json[]).forEach((b, i) => {
          expect(Math.abs(Number(cells[i][1]) - b.n)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(Number(cells[i][2]) - b.expected)).toBeLessThanOrEqual(1e-9);
        });
      }
      const rows = (report.scores as Json[]).filter((r) => r.forecaster === handle);
      const table = page.getByTestId("continuous-score-table");
      await expect(table.locator("tbody tr").count()).resolves.toBe(rows.length);
      for (const r of rows) {
        const tr = table.locator(`tr[data-question="${r.question}"]`);
        await expect(tr.locator('[data-field="final-log-score"]').textContent()).resolves.toBe(formatNumber(r.final_log_score, "score"));
        await expect(tr.locator('[data-field="crps"]').textContent()).resolves.toBe(formatNumber(r.crps, "score"));
        await expect(tr.locator('[data-field="crps-time-avg"]').textContent()).resolves.toBe(formatNumber(r.crps_time_avg, "score"));
        await expect(tr.locator('[data-field="pit"]').textContent()).resolves.toBe(formatNumber(r.pit, "probability"));
        await expect(tr.locator('[data-field="baseline"]').textContent()).resolves.toBe(formatNumber(r.baseline, "points"));
        await expect(tr.locator('[data-field="peer"]').textContent()).resolves.toBe(formatNumber(r.peer, "points"));
        await expect(tr.locator('[data-field="coverage"]').textContent()).resolves.toBe(formatNumber(r.coverage, "probability"));
      }
    }
    await saveScreenshot(page, "continuous-forecaster-profile");
  });

  it("ranks the leaderboard on the scorer's summaries, numeric and date questions included", async () => {
    await page.goto("/leaderboard?rank=crps");
    const table = page.getByTestId("leaderboard-table");
    const byCrps = Object.entries(report.forecasters as Record<string, Json>).sort((a, b) => a[1].mean_crps - b[1].mean_crps);
    await expect(table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")))).resolves.toEqual(byCrps.map(([h]) => h));
    for (const [handle, s] of byCrps)
      await expect(table.locator(`tr[data-handle="${handle}"] [data-field="mean-crps"]`).textContent()).resolves.toBe(formatNumber(s.mean_crps, "score"));
    await saveScreenshot(page, "continuous-leaderboard");
  });

  it("shows each aggregate's scores and calibration, and everyone's, on the crowd page", async () => {
    await page.goto("/crowd");
    const resolved = Object.values(report.questions as Record<string, Json>).filter((q) => q.status === "resolved");
    const table = page.getByTestId("continuous-method-table");
    for (const method of CONTINUOUS_AGGREGATION_METHODS) {
      const scores = resolved.map((q) => q.aggregate_scores[method]).filter((s) => s.log_score !== null);
      const row = table.locator(`tr[data-method="${method}"]`);
      await expect(row.locator('[data-field="mean-log-score"]').textContent()).resolves.toBe(formatNumber(mean(scores.map((s) => s.log_score)), "score"));
      await expect(row.locator('[data-field="mean-crps"]').textContent()).resolves.toBe(formatNumber(mean(scores.map((s) => s.crps)), "score"));
      await expect(row.locator('[data-field="mean-pit"]').textContent()).resolves.toBe(formatNumber(mean(scores.map((s) => s.pit)), "probability"));
      const set = report.calibration.continuous.aggregates[method];
      await expect(row.locator('[data-field="coverage-0.9"]').textContent()).resolves.toBe(formatNumber(set.central_intervals[1].coverage, "probability"));
      await expect(page.getByTestId(`continuous-calibration-${method}-coverage`).locator("li").allTextContents()).resolves.toEqual(
        sentences(set, `The ${CONTINUOUS_AGGREGATION_METHOD_LABELS[method]}'s`, "question"),
      );
    }
    await expect(page.getByTestId("continuous-calibration-everyone-coverage").locator("li").allTextContents()).resolves.toEqual(
      sentences(report.calibration.continuous.final.all, "Everyone's"),
    );
    await saveScreenshot(page, "continuous-crowd");
  });
});
