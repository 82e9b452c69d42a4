import { otherMethods } from "../../../_lib/methods";
import { crowdIncludesBots } from "@/db/queries/bots";
import { crowdDistributionHistory } from "@/db/queries/continuous-forecasts";
import { questionCrowd } from "@/db/queries/crowd";
import { hasForecast } from "@/db/queries/forecasts";
import { crowdDistributionSeriesToApi, isoTime } from "@/lib/api/present";
import { crowdSeriesQuery, questionPathParams } from "@/lib/api/schemas";
import { DEFAULT_CONTINUOUS_AGGREGATION_METHOD } from "@/lib/continuous/types";
import { defaultPopulation } from "@/lib/population";
import { isCrowdHiddenFrom } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_METHOD, isContinuousQuestion, type AggregationMethod } from "@/lib/types";
import { apiErrorResponse, crowdGuardedMessage } from "../../../_lib/errors";
import { apiGet } from "../../../_lib/handler";
import { findVisibleQuestion, QUESTION_NOT_FOUND } from "../../../_lib/question";

/**
 * GET /api/v1/questions/{questionId}/crowd?method&population — the crowd forecast over time, as a step
 * function: the question page's crowd (db/queries/crowd questionCrowd), by any method and population; on
 * a numeric or date question the page's crowd distribution (db/queries/continuous-forecasts
 * crowdDistributionHistory, the recency-weighted mean), its quantiles at every change and its CDF now.
 */
export const GET = apiGet({ access: "public", params: questionPathParams, query: crowdSeriesQuery }, ({ db, caller, now, params, query }) => {
  const q = findVisibleQuestion(db, params.questionId, caller);
  if (!q) return QUESTION_NOT_FOUND;
  const continuous = isContinuousQuestion(q);
  const methods: readonly string[] = continuous ? [DEFAULT_CONTINUOUS_AGGREGATION_METHOD] : AGGREGATION_METHODS;
  if (query.method !== undefined && !methods.includes(query.method))
    return apiErrorResponse(400, "invalid_request", `method: a ${q.type} question's crowd takes ${methods.join(", ")}`, "method");
  if (isCrowdHiddenFrom(q, caller, caller ? hasForecast(db, q.id, caller.id) : false, now))
    return apiErrorResponse(403, "forbidden", crowdGuardedMessage(q.id, caller !== null), "Authorization");
  const end = Math.min(now, actualCloseTime(q));
  if (continuous) {
    const population = query.population ?? defaultPopulation(crowdIncludesBots(db));
    const history = crowdDistributionHistory(db, q.id, q.openTime, end, population, Number.POSITIVE_INFINITY);
    return { status: 200, body: crowdDistributionSeriesToApi(q, history, population) };
  }
  const method = (query.method as AggregationMethod | undefined) ?? DEFAULT_AGGREGATION_METHOD;
  const crowd = questionCrowd(db, q, end, { method, population: query.population });
  const series = crowd.series();
  return {
    status: 200,
    body: {
      questionId: q.id,
      method,
      population: crowd.population,
      points: series.map((p) => ({ time: isoTime(p.time), probabilities: p.probabilities, forecasters: p.forecasters })),
    },
  };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
