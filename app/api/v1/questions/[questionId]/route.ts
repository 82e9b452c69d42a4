import { otherMethods } from "../../_lib/methods";
import { crowdIncludesBots } from "@/db/queries/bots";
import { crowdDistributionHistory } from "@/db/queries/continuous-forecasts";
import { questionCrowd } from "@/db/queries/crowd";
import { hasForecast } from "@/db/queries/forecasts";
import { questionChangeTimes } from "@/db/queries/questions";
import { crowdDistributionToApi, crowdToApi, questionDetailToApi } from "@/lib/api/present";
import { emptyQuery, questionPathParams } from "@/lib/api/schemas";
import { defaultPopulation } from "@/lib/population";
import { isCrowdHiddenFrom } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import { isContinuousQuestion } from "@/lib/types";
import { apiGet } from "../../_lib/handler";
import { findVisibleQuestion, QUESTION_NOT_FOUND } from "../../_lib/question";

/** GET /api/v1/questions/{questionId} — with the desk's crowd forecast when the anchoring guard allows it. */
export const GET = apiGet({ access: "public", params: questionPathParams, query: emptyQuery }, ({ db, caller, now, params }) => {
  const q = findVisibleQuestion(db, params.questionId, caller);
  if (!q) return QUESTION_NOT_FOUND;
  const hidden = isCrowdHiddenFrom(q, caller, caller ? hasForecast(db, q.id, caller.id) : false, now);
  let latest = null;
  const end = Math.min(now, actualCloseTime(q));
  if (hidden) latest = null;
  else if (isContinuousQuestion(q)) {
    // The question page's crowd distribution: same population, same history (only its last point is read).
    const population = defaultPopulation(crowdIncludesBots(db));
    latest = crowdDistributionToApi(q, crowdDistributionHistory(db, q.id, q.openTime, end, population, 2), population);
  } else {
    const crowd = questionCrowd(db, q, end); // the question page's crowd
    latest = crowdToApi(crowd.series().at(-1), crowd.method, crowd.population);
  }
  return { status: 200, body: questionDetailToApi(q, questionChangeTimes(db, [q.id]).get(q.id)!, now, { hidden, latest }) };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
