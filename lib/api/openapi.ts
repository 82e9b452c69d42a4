import * as z from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import * as s from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the very schemas the route handlers validate with.

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const errors = (...statuses: number[]): ZodOpenApiResponsesObject => {
  const text: Record<number, string> = {
    400: "Invalid request: the error names the field and the rule",
    401: "No token, or an unknown or revoked one (on a private desk every endpoint needs a token)",
    403: "The token's user may not do this",
    404: "Not found",
    409: "Conflict with the current state, or an Idempotency-Key reused with another body",
    413: `Body larger than ${s.MAX_BODY_BYTES / 1024} KiB`,
    405: "This path does not serve that method: the Allow header lists the ones it does",
    415: "Content-Type is not application/json",
    429: "Rate limit: wait Retry-After seconds",
  };
  return Object.fromEntries(statuses.map((st) => [String(st), { description: text[st], ...json(s.apiError) }]));
};

const READ_ERRORS = [400, 401, 405, 429];
const WRITE_ERRORS = [400, 401, 403, 404, 405, 409, 413, 415, 429];
const idempotencyKey = z.object({ "Idempotency-Key": s.idempotencyKeyHeader.optional() });

const post = (op: Omit<ZodOpenApiOperationObject, "requestParams"> & { path?: z.ZodObject }): ZodOpenApiOperationObject => {
  const { path, ...rest } = op;
  return { ...rest, requestParams: { header: idempotencyKey, ...(path ? { path } : {}) } };
};

export function apiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Forecast Desk API",
      version: "1",
      description:
        "JSON over HTTPS for scripts and bots. Authenticate with a personal token (Settings → API tokens, or `npm run token:create`): " +
        "`Authorization: Bearer fd_…`. A token acts as its user with that user's role. On a public desk the read endpoints also answer without a token. " +
        "Errors are `{error: {code, message, field}}`. Every POST takes an `Idempotency-Key`. Times are ISO 8601 UTC; probabilities are vectors in option order (binary: [P(no), P(yes)]); " +
        "numeric and date questions take and give quantiles (p5 … p95) and CDFs on the question's scale (numbers in its unit, ISO 8601 times on date questions).",
    },
    servers: [{ url: "/api/v1" }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token (fd_…)" } } },
    security: [{ bearer: [] }, {}],
    paths: {
      "/questions": {
        get: {
          operationId: "listQuestions",
          summary: "List questions",
          description: "Soonest close first; drafts only for admins.",
          requestParams: { query: s.questionListQuery },
          responses: { "200": { description: "A page of questions", ...json(s.questionList) }, ...errors(...READ_ERRORS) },
        },
      },
      "/questions/{questionId}": {
        get: {
          operationId: "getQuestion",
          summary: "Get one question with its crowd forecast",
          description: "The crowd is the desk's default crowd (people only unless the desk counts bots), null while the anchoring guard hides it from the caller.",
          requestParams: { path: s.questionPathParams },
          responses: { "200": { description: "The question", ...json(s.questionDetail) }, ...errors(...READ_ERRORS, 404) },
        },
      },
      "/questions/{questionId}/forecasts": {
        post: post({
          operationId: "submitForecast",
          summary: "Submit a forecast",
          description:
            "Appends the caller's forecast at the server's clock (forecasts are never edited). The forms' rules apply: 0.1–99.9 %, one decimal on yes/no questions, scenario sets total 100 ± 0.05 and are renormalised; " +
            "numeric and date questions take the median and at least two other of the 5, 25, 75 and 95 % quantiles, increasing, inside closed bounds, which become the stored 201-point CDF as on the form.",
          path: s.questionPathParams,
          requestBody: { required: true, ...json(s.forecastSubmission) },
          responses: { "201": { description: "Recorded", ...json(s.recordedForecast) }, ...errors(...WRITE_ERRORS) },
        }),
      },
      "/questions/{questionId}/crowd": {
        get: {
          operationId: "crowdSeries",
          summary: "The crowd forecast over time, by method",
          requestParams: { path: s.questionPathParams, query: s.crowdSeriesQuery },
          description:
            "Yes/no and scenario questions: the crowd's probabilities as a step function, by any of the five pooling methods. Numeric and date questions: " +
            "the question page's crowd distribution (recency-weighted mean of the CDFs), its median and 50 % and 90 % intervals at every change, and its CDF now. " +
            "403 while the anchoring guard hides the crowd from the caller: forecast first.",
          responses: {
            "200": { description: "The crowd forecast over time", ...json(z.union([s.crowdSeries, s.crowdDistributionSeries])) },
            ...errors(...READ_ERRORS, 403, 404),
          },
        },
      },
      "/questions/{questionId}/resolution": {
        post: post({
          operationId: "resolveQuestion",
          summary: "Resolve, correct or annul a question (admins)",
          description: "Recorded with an audit row, as the question page's resolve form does, and by the same rules.",
          path: s.questionPathParams,
          requestBody: { required: true, ...json(s.resolutionRequest) },
          responses: { "200": { description: "The question's resolution now", ...json(s.resolutionResult) }, ...errors(...WRITE_ERRORS) },
        }),
      },
      "/forecasters/{handle}/scores": {
        get: {
          operationId: "forecasterScores",
          summary: "A forecaster's scores and calibration",
          requestParams: { path: s.forecasterPathParams, query: s.scoresQuery },
          responses: { "200": { description: "Scores per resolved question, summary and calibration", ...json(s.forecasterScores) }, ...errors(...READ_ERRORS, 404) },
        },
      },
      "/export": {
        get: {
          operationId: "exportDesk",
          summary: "Export every question and forecast (admins)",
          description: "format=json: the forecast-desk/v1 document; format=csv&file=questions|forecasts: one CSV file. The Export page's download, by token.",
          requestParams: { query: s.exportQuery },
          responses: {
            "200": { description: "The export", content: { "application/json": { schema: z.object({}).loose() }, "text/csv": { schema: z.string() } } },
            ...errors(...READ_ERRORS, 403),
          },
        },
      },
      "/me": {
        get: {
          operationId: "me",
          summary: "Who the token acts as",
          responses: { "200": { description: "The token's user", ...json(s.me) }, ...errors(401, 405, 429) },
        },
      },
    },
  });
}
