// Crash safety: the server is SIGKILLed in the middle of a stream of API submissions, restarted on the
// same database, and then PRAGMA integrity_check passes, every acknowledged forecast is there, and the
// clients that retried with their Idempotency-Keys created no duplicates.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { integrityProblems } from "@/db/backup";
import { openDb } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import { questions } from "@/db/schema/questions";
import { freePort, serve, type RunningServer } from "./global-setup";

const CLIENTS = 20;
let dir: string;
let file: string;
let token: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(inject("e2eTmpDir"), "crash-"));
  file = path.join(dir, "desk.db");
  const db = openDb(file);
  const user = createUser(db, { email: "bot@example.org", name: "Load Bot", handle: "load-bot" });
  token = createApiToken(db, { userId: user.id, name: "crash test", now: Date.now(), rateLimitPerMinute: 10_000_000 }).token;
  const now = Date.now();
  db.insert(questions).values({ id: "q1", title: "Q1", type: "binary", openTime: now - 86_400_000, closeTime: now + 30 * 86_400_000, createdAt: now, updatedAt: now, hideCrowdUntilForecast: false }).run();
  db.$client.close();
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Submission {
  key: string;
  percent: number;
}

function submit(baseURL: string, s: Submission): Promise<Response> {
  return fetch(new URL("/api/v1/questions/q1/forecasts", baseURL), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": s.key },
    body: JSON.stringify({ kind: "binary", percent: s.percent, rationale: s.key }),
    signal: AbortSignal.timeout(20_000),
  });
}

describe("SIGKILL during a stream of submissions", () => {
  it("loses nothing acknowledged, and retries with the same keys create no duplicates", async () => {
    server = await serve(file, await freePort(), "crash-server-1.log");
    const acked = new Map<string, number>(); // key → forecast id the client was told
    const unanswered: Submission[] = []; // sent, no answer seen: the client will retry these
    const sent = new Map<string, Submission>(); // key → what was sent with it
    let killed = false;
    const client = async (c: number) => {
      for (let n = 0; ; n++) {
        const s = { key: `client-${c}-${n}`, percent: 10 + ((c * 7 + n) % 80) };
        sent.set(s.key, s);
        try {
          const res = await submit(server!.baseURL, s);
          if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          acked.set(s.key, (await res.json()).id);
        } catch (error) {
          if (!killed) throw error;
          unanswered.push(s);
          return;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    // Let the stream run, then kill the server mid-flight.
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await server.crash();
    await Promise.all(clients);
    const ackedAtCrash = acked.size;
    expect(unanswered.length).toBe(CLIENTS); // every client had a request in flight or starting

    // Restart on the same file.
    server = await serve(file, await freePort(), "crash-server-2.log");
    const db = openDb(file, { migrate: false });
    try {
      expect(integrityProblems(db.$client)).toEqual([]);
      const rows = db.$client.prepare("select id, rationale from forecasts").all() as Array<{ id: number; rationale: string }>;
      const byKey = new Map(rows.map((r) => [r.rationale, r.id]));
      for (const [key, id] of acked) expect(byKey.get(key), key).toBe(id);

      // The clients retry what they never saw answered, with the same keys and bodies.
      let replayed = 0;
      for (const s of unanswered) {
        const res = await submit(server.baseURL, s);
        expect(res.status).toBe(201);
        if (res.headers.get("idempotent-replayed") === "true") {
          replayed++;
          expect((await res.json()).id).toBe(byKey.get(s.key)); // recorded before the crash: the first answer
        }
        acked.set(s.key, -1);
      }
      // And a retry of something already acknowledged changes nothing either.
      const firstKey = [...acked.keys()][0];
      // (the same key and the same body: whichever client was answered first)
      expect((await submit(server.baseURL, sent.get(firstKey)!)).headers.get("idempotent-replayed")).toBe("true");

      const after = db.$client.prepare("select rationale, count(*) as n from forecasts group by rationale").all() as Array<{ rationale: string; n: number }>;
      expect(after.filter((r) => r.n !== 1)).toEqual([]); // no duplicates
      expect(after.length).toBe(acked.size); // every key exactly once
      console.log(`[crash] acknowledged before SIGKILL: ${ackedAtCrash}; in flight: ${unanswered.length} (of which ${replayed} had been recorded and were replayed on retry); duplicates: 0`);
    } finally {
      db.$client.close();
    }
  });
});
