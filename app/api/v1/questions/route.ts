import { otherMethods } from "../_lib/methods";
import { listQuestions, questionChangeTimes } from "@/db/queries/questions";
import { questionSummaryToApi } from "@/lib/api/present";
import { questionListQuery } from "@/lib/api/schemas";
import { questionStatus } from "@/lib/question-lifecycle";
import { apiGet } from "../_lib/handler";

/** GET /api/v1/questions?status&tag&changedSince&page&pageSize — drafts only for admins, soonest close first. */
export const GET = apiGet({ access: "public", query: questionListQuery }, ({ db, caller, now, query }) => {
  const isAdmin = caller?.role === "admin";
  let rows = listQuestions(db, { tag: query.tag, includeDrafts: isAdmin });
  if (query.status) rows = rows.filter((q) => questionStatus(q, now) === query.status);
  const changed = questionChangeTimes(db, rows.map((q) => q.id));
  if (query.changedSince) {
    const since = Date.parse(query.changedSince);
    rows = rows.filter((q) => changed.get(q.id)! >= since);
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    status: 200,
    body: {
      questions: rows.slice(start, start + query.pageSize).map((q) => questionSummaryToApi(q, changed.get(q.id)!, now)),
      page: query.page,
      pageSize: query.pageSize,
      total: rows.length,
      pages: Math.max(1, Math.ceil(rows.length / query.pageSize)),
    },
  };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
