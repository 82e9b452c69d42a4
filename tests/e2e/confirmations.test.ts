// Destructive admin actions ask in the page before they act: annulling (which needs a reason, kept in
// the audit log), undoing a resolution, and promoting or demoting a user. Cancel changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "./browser";
import { deskDb, eventually, reloadQuestion, signIn, waitForQuestionPage } from "./desk";
import { createQuestion } from "@/db/queries/questions";
import { DEMO_LOGINS } from "@/db/seed-demo";
import { eq } from "drizzle-orm";
import { resolutionAudit } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";

const admin = DEMO_LOGINS.find((l) => l.role === "admin")!;
const analyst = DEMO_LOGINS.find((l) => l.role === "analyst")!;
let browser: BrowserSession;

beforeAll(async () => {
  browser = await openBrowser();
  await signIn(browser.page, admin);
});
afterAll(async () => {
  await browser?.close();
});

describe("confirmations", () => {
  it("annulling asks first, needs a reason, and the reason reaches the audit log", async () => {
    const page = browser.page;
    // A due question of its own: other files resolve the demo's due questions in an order vitest chooses.
    const now = Date.now();
    const dueId = createQuestion(
      deskDb(),
      {
        title: "Confirmations test: a question past its deadline",
        description: "",
        resolutionCriteria: "",
        tags: [],
        openTime: now - 10 * 86_400_000,
        closeTime: now - 2 * 86_400_000,
        resolveBy: now - 86_400_000,
        type: "binary",
        scenarios: [],
        hideCrowdUntilForecast: false,
        isDraft: false,
      },
      { createdBy: null, now },
    );
    const due = reloadQuestion(dueId);
    await page.goto(`/questions/${encodeURIComponent(due.id)}`);
    await waitForQuestionPage(page, due.id);
    await page.getByRole("button", { name: "Annul question" }).click();
    const confirm = page.getByRole("group", { name: /^Annul this question\?/ });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await page.getByRole("button", { name: "Yes, annul it" }).count()).toBe(0);
    expect(reloadQuestion(due.id).outcome).toBeNull();

    await page.getByRole("button", { name: "Annul question" }).click();
    await page.getByRole("button", { name: "Yes, annul it" }).click();
    await page.getByText("Give the reason for annulling in Evidence").waitFor();
    expect(reloadQuestion(due.id).outcome).toBeNull();

    // The question stays asked after the refusal: fill in the reason and confirm again.
    await page.getByRole("textbox", { name: "Evidence" }).fill("The source stopped publishing; cannot be settled.");
    await page.getByRole("button", { name: "Yes, annul it" }).click();
    await eventually(() => reloadQuestion(due.id).outcome, (o) => o?.kind === "annulled");
    const audit = deskDb().select().from(resolutionAudit).where(eq(resolutionAudit.questionId, due.id)).all();
    expect(JSON.stringify(audit.at(-1))).toContain("The source stopped publishing; cannot be settled.");
  });

  it("undoing a resolution asks first; Cancel keeps it", async () => {
    const page = browser.page;
    await page.reload();
    await page.getByRole("button", { name: "Undo resolution" }).click();
    const confirm = page.getByRole("group", { name: /^Undo this resolution\?/ });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Undo resolution" }).waitFor();
  });

  it("promoting asks first, naming the person; Cancel keeps the role", async () => {
    const page = browser.page;
    await page.goto("/users");
    await page.getByRole("button", { name: `Promote to admin: ${analyst.name}` }).click();
    const confirm = page.getByRole("group", { name: `Make ${analyst.name} an admin? Admins resolve questions and manage users.` });
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    const [row] = deskDb().select({ role: users.role }).from(users).where(eq(users.email, analyst.email)).all();
    expect(row.role).toBe("analyst");
  });
});
