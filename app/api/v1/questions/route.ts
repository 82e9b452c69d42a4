import { otherMethods } from "../_lib/methods";
import { countListedQuestions, listQuestionRange, questionChangeTimes, type QuestionListFilter } from "@/db/queries/questions";
import { questionSummaryToApi } from "@/lib/api/present";
import { questionListQuery } from "@/lib/api/schemas";
import { apiGet } from "../_lib/handler";

/** GET /api/v1/questions?status&tag&changedSince&page&pageSize — drafts only for admins, soonest close first. */
export const GET = apiGet({ access: "public", query: questionListQuery }, ({ db, caller, now, query }) => {
  // Status, tag, changedSince and the page in SQL (the question list's reader): only this page is read.
  const filter: QuestionListFilter = {
    tag: query.tag,
    includeDrafts: caller?.role === "admin",
    status: query.status,
    changedSince: query.changedSince ? Date.parse(query.changedSince) : undefined,
    now,
  };
  const total = countListedQuestions(db, filter);
  const rows = listQuestionRange(db, filter, (query.page - 1) * query.pageSize, query.pageSize);
  const changed = questionChangeTimes(db, rows.map((q) => q.id));
  return {
    status: 200,
    body: {
      questions: rows.map((q) => questionSummaryToApi(q, changed.get(q.id)!, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
      pages: Math.max(1, Math.ceil(total / query.pageSize)),
    },
  };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
