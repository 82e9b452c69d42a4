import type { Db } from "@/db/client";
import { getQuestion } from "@/db/queries/questions";
import type { Question } from "@/lib/types";
import type { ApiCaller } from "./auth";

/** The question a path names, as the page finds it: drafts exist only for admins. */
export function findVisibleQuestion(db: Db, id: string, caller: ApiCaller | null): Question | null {
  const q = getQuestion(db, id);
  if (!q || (q.isDraft && caller?.role !== "admin")) return null;
  return q;
}

export const QUESTION_NOT_FOUND = { status: 404, body: { error: { code: "not_found", message: "No such question", field: "questionId" } } } as const;
