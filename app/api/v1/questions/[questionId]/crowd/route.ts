import { questionCrowd } from "@/db/queries/crowd";
import { hasForecast } from "@/db/queries/forecasts";
import { isoTime } from "@/lib/api/present";
import { crowdSeriesQuery, questionPathParams } from "@/lib/api/schemas";
import { isCrowdHiddenFrom } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import { isDiscreteQuestion } from "@/lib/types";
import { apiErrorResponse } from "../../../_lib/errors";
import { apiGet } from "../../../_lib/handler";
import { findVisibleQuestion, QUESTION_NOT_FOUND } from "../../../_lib/question";

/**
 * GET /api/v1/questions/{questionId}/crowd?method&population — the crowd forecast over time, as a step
 * function: the question page's crowd (db/queries/crowd questionCrowd), by any method and population.
 */
export const GET = apiGet({ access: "public", params: questionPathParams, query: crowdSeriesQuery }, ({ db, caller, now, params, query }) => {
  const q = findVisibleQuestion(db, params.questionId, caller);
  if (!q) return QUESTION_NOT_FOUND;
  if (!isDiscreteQuestion(q))
    return apiErrorResponse(400, "invalid_request", `questionId: this is a ${q.type} question; its crowd is a distribution, not a probability series`, "questionId");
  if (isCrowdHiddenFrom(q, caller, caller ? hasForecast(db, q.id, caller.id) : false, now))
    return apiErrorResponse(403, "forbidden", "The anchoring guard hides this crowd until you forecast on the question (or it closes)", null);
  const crowd = questionCrowd(db, q, Math.min(now, actualCloseTime(q)), { method: query.method, population: query.population });
  const series = crowd.series();
  return {
    status: 200,
    body: {
      questionId: q.id,
      method: query.method,
      population: crowd.population,
      points: series.map((p) => ({ time: isoTime(p.time), probabilities: p.probabilities, forecasters: p.forecasters })),
    },
  };
});
