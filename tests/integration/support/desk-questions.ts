// Questions for test desks, written straight into the database (no route, no form).
import type { Db } from "@/db/client";
import { questionScales } from "@/db/schema/continuous-questions";
import { questionOptions, questions } from "@/db/schema/questions";

export const DAY = 86_400_000;

/** Adds a published question open from a day ago for 30 days (binary unless `options` are given). */
export function addQuestion(db: Db, id: string, extra: Partial<typeof questions.$inferInsert> = {}, options?: string[]): void {
  const now = Date.now();
  db.insert(questions)
    .values({
      id,
      title: `Question ${id}`,
      type: options ? "multiple_choice" : "binary",
      openTime: now - DAY,
      closeTime: now + 30 * DAY,
      createdAt: now - 2 * DAY,
      updatedAt: now - 2 * DAY,
      hideCrowdUntilForecast: false,
      ...extra,
    })
    .run();
  options?.forEach((label, position) => db.insert(questionOptions).values({ questionId: id, position, label }).run());
}

/** Adds a published numeric or date question (open from a day ago for 30 days) with its scale. */
export function addScaledQuestion(
  db: Db,
  id: string,
  type: "numeric" | "date",
  scale: Omit<typeof questionScales.$inferInsert, "questionId">,
  extra: Partial<typeof questions.$inferInsert> = {},
): void {
  addQuestion(db, id, { type, ...extra });
  db.insert(questionScales).values({ questionId: id, ...scale }).run();
}
