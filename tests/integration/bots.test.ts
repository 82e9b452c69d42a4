import type { DiscreteQuestion } from "@/lib/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { crowdIncludesBots, listBots, markBot, setCrowdIncludesBots, unmarkBot } from "@/db/queries/bots";
import { questionCrowd } from "@/db/queries/crowd";
import { getQuestion } from "@/db/queries/questions";
import { loadResolvedQuestions } from "@/db/queries/track-records";
import { createUser } from "@/db/queries/users";
import { addQuestion, api, openApiDesk, type ApiDesk } from "./support/api-desk";

let desk: ApiDesk;
let bot: { id: string; token: string };

beforeEach(() => {
  desk = openApiDesk();
  addQuestion(desk.db, "q1");
  const user = createUser(desk.db, { email: "gpt@bots.example.org", name: "GPT forecaster", handle: "gpt-bot" });
  expect(markBot(desk.db, { userId: user.id, model: "gpt-5.1 zero-shot", ownerId: desk.ben.id, actorId: desk.admin.id, now: Date.now() })).toEqual({ ok: true });
  bot = { id: user.id, token: createApiToken(desk.db, { userId: user.id, name: "runner", now: Date.now(), rateLimitPerMinute: 100_000 }).token };
});
afterEach(() => desk.close());

const crowdOf = async (query = "") => (await (await api("GET", `/api/v1/questions/q1/crowd${query}`)).json()).points.at(-1);

describe("bots beside people", () => {
  it("a bot's forecast leaves the default crowd unchanged, and shows in the bots' and the combined crowd", async () => {
    for (const [token, percent] of [[desk.ana.token, 70], [desk.ben.token, 60]] as const)
      expect((await api("POST", "/api/v1/questions/q1/forecasts", { token, body: { kind: "binary", percent } })).status).toBe(201);
    const before = (await (await api("GET", "/api/v1/questions/q1")).json()).crowd;
    expect(before).toMatchObject({ population: "people", forecasters: 2 });

    const res = await api("POST", "/api/v1/questions/q1/forecasts", { token: bot.token, body: { kind: "binary", percent: 5, rationale: "model output" } });
    expect(res.status).toBe(201);
    const after = (await (await api("GET", "/api/v1/questions/q1")).json()).crowd;
    expect(after.probabilities).toEqual(before.probabilities);
    expect(after.forecasters).toBe(2);
    // The page's crowd is built from the same forecasts: people only.
    const pageCrowd = questionCrowd(desk.db, getQuestion(desk.db, "q1") as DiscreteQuestion, Date.now());
    expect(pageCrowd.standing().map((f) => f.handle)).toEqual(["ana", "ben"]);
    expect(pageCrowd.leftOut()).toBe(1);
    expect(pageCrowd.series().at(-1)!.probabilities).toEqual(after.probabilities);

    const bots = await crowdOf("?population=bots&method=median");
    expect(bots).toMatchObject({ forecasters: 1, probabilities: [0.95, 0.05] });
    const both = await crowdOf("?population=both&method=median");
    expect(both.forecasters).toBe(3);
    expect(both.probabilities[1]).toBeCloseTo(0.6, 12); // median of 0.7, 0.6, 0.05

    // An admin opts bots in: the default crowd now counts them.
    setCrowdIncludesBots(desk.db, true, Date.now());
    expect(crowdIncludesBots(desk.db)).toBe(true);
    const optedIn = (await (await api("GET", "/api/v1/questions/q1")).json()).crowd;
    expect(optedIn).toMatchObject({ population: "both", forecasters: 3 });
  });

  it("leaderboards and calibration can count people, bots or both", async () => {
    addQuestion(desk.db, "q2");
    for (const [token, percent] of [[desk.ana.token, 70], [bot.token, 20]] as const)
      await api("POST", "/api/v1/questions/q2/forecasts", { token, body: { kind: "binary", percent } });
    const at = new Date(Date.now() + 2000).toISOString();
    expect((await api("POST", "/api/v1/questions/q2/resolution", { token: desk.admin.token, body: { action: "resolve", outcome: 1, resolveTime: at } })).status).toBe(200);
    const handles = (population: "people" | "bots" | "both") => loadResolvedQuestions(desk.db, { population }).forecasters.map((f) => f.handle);
    expect(handles("people")).toEqual(["ana"]);
    expect(handles("bots")).toEqual(["gpt-bot"]);
    expect(handles("both")).toEqual(["ana", "gpt-bot"]);
    expect((await (await api("GET", "/api/v1/forecasters/gpt-bot/scores")).json()).isBot).toBe(true);
  });

  it("marks bots by the rules: admins only, no admin bots, owners are people; unmarking makes it count again", () => {
    const now = Date.now();
    expect(markBot(desk.db, { userId: desk.ana.id, model: "x", ownerId: null, actorId: desk.ben.id, now }).ok).toBe(false);
    expect(markBot(desk.db, { userId: desk.admin.id, model: "x", ownerId: null, actorId: desk.admin.id, now })).toMatchObject({ ok: false, field: "userId" });
    expect(markBot(desk.db, { userId: desk.ana.id, model: "x", ownerId: bot.id, actorId: desk.admin.id, now })).toMatchObject({ ok: false, field: "ownerId" });
    expect(listBots(desk.db)).toEqual([
      expect.objectContaining({ handle: "gpt-bot", model: "gpt-5.1 zero-shot", owner: { id: desk.ben.id, handle: "ben", name: "Ben Ortiz" } }),
    ]);
    expect(unmarkBot(desk.db, { userId: bot.id, actorId: desk.admin.id })).toBe(true);
    expect(listBots(desk.db)).toEqual([]);
  });

  it("the API tells a bot it is one", async () => {
    expect(await (await api("GET", "/api/v1/me", { token: bot.token })).json()).toMatchObject({ handle: "gpt-bot", isBot: true });
  });
});
