import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname) };

// Browser tests that start their own server on their own database (and only read the shared desk):
// they run beside the unit and integration tests, two files at a time. The other browser tests share
// the one seeded desk of tests/e2e/global-setup.ts and so run one file at a time, after them; so does
// shared-server.test.ts, whose sign-in limits count real time and timed out twice when it shared the cores.
const OWN_SERVER_E2E = [
  "tests/e2e/api-fuzz.test.ts",
  "tests/e2e/continuous-track-records.test.ts",
  "tests/e2e/crash.test.ts",
  "tests/e2e/daily-loop.test.ts",
  "tests/e2e/forecastbench.test.ts",
];

// At least two files at a time even on a 2-core machine (vitest's default there is one): the browser
// tests mostly wait on a server and a browser, and the unit tests fill the gaps.
const maxWorkers = Math.max(2, os.availableParallelism() - 1);

const e2e = {
  environment: "node" as const,
  globalSetup: ["tests/e2e/global-setup.ts"],
  testTimeout: 120_000,
  hookTimeout: 600_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers,
    projects: [
      {
        resolve: { alias },
        // 20 s, not vitest's 5 s: two files at a time beside browser tests, a CPU-heavy test (a large
        // report split into pieces) takes several seconds on a busy 2-core machine
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 20_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: { ...e2e, name: "e2e-own-server", include: OWN_SERVER_E2E },
      },
      {
        resolve: { alias },
        test: { ...e2e, name: "e2e", include: ["tests/e2e/**/*.test.ts"], exclude: OWN_SERVER_E2E, fileParallelism: false },
      },
    ],
  },
});
