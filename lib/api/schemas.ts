import * as z from "zod";
import type {} from "zod-openapi"; // .meta({ id, param, … }) typing
import { POPULATIONS } from "@/lib/population";
import { DEFAULT_CONTINUOUS_AGGREGATION_METHOD } from "@/lib/continuous/types";
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_METHOD } from "@/lib/types";
import { MAX_PERCENT, MAX_RATIONALE_LENGTH, MIN_PERCENT } from "@/lib/validation/forecast";
import { EVIDENCE_MAX } from "@/lib/validation/resolution";
import { CALIBRATION_BIN_CHOICES, periodFields } from "@/lib/validation/track-record-filters";

// The REST API's requests and answers (/api/v1). These schemas validate every request the route handlers
// receive AND generate the OpenAPI document (lib/api/openapi.ts), so the two cannot disagree. The rules of
// the forms (lib/validation/*) are applied on top by the handlers, exactly as the server actions do.

/** Largest page a list answers (the cap on `pageSize`). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
/** Largest request body the API reads. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Idempotency-Key: 1–200 visible ASCII characters (a UUID is typical). */
export const idempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { error: "Idempotency-Key must be 1 to 200 visible ASCII characters" })
  .meta({ description: "Any unique string per logical request (a UUID). A retry with the same key and body gets the first answer and writes nothing; the same key with another body is a 409. Kept at least 24 hours." });

export const API_ERROR_CODES = [
  "invalid_request",
  "malformed_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "idempotency_key_reused",
  "rate_limited",
  "method_not_allowed",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiError = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string().meta({ description: "What is wrong and the rule it breaks, in plain words." }),
      field: z.string().nullable().meta({ description: "The request field at fault (dotted path, e.g. percents.2), or null." }),
    }),
  })
  .meta({ id: "Error" });
export type ApiError = z.infer<typeof apiError>;

// ---- Shared pieces ----

/** The quantile levels a numeric or date forecast gives, as API fields (the form's q5 … q95). */
export const QUANTILE_KEYS = ["p5", "p25", "p50", "p75", "p95"] as const;
export type QuantileKey = (typeof QUANTILE_KEYS)[number];
/** The level of a quantile key: p25 → 0.25. */
export const quantileKeyLevel = (key: QuantileKey): number => Number(key.slice(1)) / 100;

const isoTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z" });
const timestamp = z.string().meta({ format: "date-time", example: "2026-01-31T12:00:00.000Z" });
const questionIdParam = z
  .string()
  .min(1)
  .max(200, { error: "must be at most 200 characters" })
  .meta({ param: { description: "The question's id (as in its URL)" } });
const handleParam = z.string().min(1).max(100, { error: "must be at most 100 characters" }).meta({ param: { description: "A forecaster's handle" } });

export const questionPathParams = z.object({ questionId: questionIdParam });
export const forecasterPathParams = z.object({ handle: handleParam });

export const QUESTION_STATUSES = ["draft", "upcoming", "open", "closed", "resolved", "annulled"] as const;

const wholeNumber = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

// ---- Questions ----

export const questionListQuery = z
  .strictObject(
    {
      status: z.enum(QUESTION_STATUSES, { error: `status must be one of ${QUESTION_STATUSES.join(", ")}` }).optional(),
      tag: periodFields.tag.optional().meta({ description: "Only questions carrying this tag (case-insensitive)" }),
      changedSince: isoTime
        .optional()
        .meta({ description: "Only questions whose definition, resolution or crowd forecast (a new forecast) changed at or after this time" }),
      page: wholeNumber("page", 1, 1_000_000).default(1),
      pageSize: wholeNumber("pageSize", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).meta({ description: `At most ${MAX_PAGE_SIZE}` }),
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `unknown query parameter ${iss.keys.join(", ")}` : undefined) },
  );
export type QuestionListQuery = z.output<typeof questionListQuery>;

/** A value on a numeric (number) or date (ISO 8601 time) question's scale. */
const scaleValue = z.union([z.number(), timestamp]);
const quantilesOut = z
  .object(Object.fromEntries(QUANTILE_KEYS.map((k) => [k, scaleValue.optional()])) as Record<QuantileKey, z.ZodOptional<typeof scaleValue>>)
  .meta({ id: "Quantiles", description: "Quantiles on the question's scale: numbers in its unit, or ISO 8601 times on a date question" });
const cdfOut = z
  .object({
    x: z.array(scaleValue).meta({ description: "The 201 points of the question's scale (evenly spaced on its linear or logarithmic scale), rangeMin to rangeMax" }),
    p: z.array(z.number()).meta({ description: "P(outcome ≤ x) at each point; above 0 at rangeMin (below 1 at rangeMax) when that bound is open" }),
  })
  .meta({ id: "Cdf", description: "A cumulative distribution on the question's scale, as the desk stores it" });

export const crowdForecast = z
  .object({
    method: z.enum(AGGREGATION_METHODS),
    probabilities: z.array(z.number()).meta({ description: "In option order; binary [P(no), P(yes)]" }),
    forecasters: z.int().meta({ description: "How many forecasters' standing forecasts were pooled" }),
    population: z.enum(POPULATIONS),
    asOf: timestamp,
  })
  .meta({ id: "CrowdForecast" });

export const crowdDistribution = z
  .object({
    method: z.literal("recency_weighted_mean").meta({ description: "The question page's crowd: the recency-weighted mean of the standing CDFs" }),
    quantiles: quantilesOut.meta({ description: "The crowd's median (p50) and the ends of its 50 % (p25–p75) and 90 % (p5–p95) central intervals" }),
    cdf: cdfOut,
    forecasters: z.int().meta({ description: "How many forecasters' standing forecasts were pooled" }),
    population: z.enum(POPULATIONS),
    asOf: timestamp,
  })
  .meta({ id: "CrowdDistribution", description: "The crowd forecast of a numeric or date question" });

export const questionScaleOut = z
  .object({
    unit: z.string().meta({ description: "What a numeric question's values count or measure; empty for dates" }),
    rangeMin: z.union([z.number(), timestamp]).meta({ description: "A number (numeric) or an ISO 8601 time (date)" }),
    rangeMax: z.union([z.number(), timestamp]),
    zeroPoint: z.number().nullable().meta({ description: "Null: a linear scale; a number: a logarithmic one with this zero point (numeric only)" }),
    openLowerBound: z.boolean().meta({ description: "True: the outcome may lie below rangeMin" }),
    openUpperBound: z.boolean().meta({ description: "True: the outcome may lie above rangeMax" }),
  })
  .meta({ id: "QuestionScale" });

export const resolutionOut = z
  .object({
    outcome: z.int().nullable().meta({ description: "Option index of what happened (binary: 0 = no, 1 = yes); null when annulled and on numeric and date questions" }),
    outcomeLabel: z.string().nullable(),
    value: z
      .union([z.number(), timestamp])
      .nullable()
      .meta({ description: "The outcome of a numeric question (a number) or a date question (an ISO 8601 time); null when annulled and on the other types" }),
    annulled: z.boolean(),
    resolveTime: timestamp,
    evidence: z.string(),
  })
  .meta({ id: "Resolution" });

export const questionSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.enum(["binary", "multiple_choice", "numeric", "date"]),
    options: z.array(z.string()).meta({ description: "Binary: [\"no\", \"yes\"]; scenario sets: the scenario labels in order; numeric and date: empty" }),
    scale: questionScaleOut.nullable().meta({ description: "Numeric and date questions: the range, scale and bounds; null on the other types" }),
    tags: z.array(z.string()),
    status: z.enum(QUESTION_STATUSES),
    openTime: timestamp,
    closeTime: timestamp,
    resolveBy: timestamp.nullable(),
    changedAt: timestamp,
    resolution: resolutionOut.nullable(),
    url: z.string().meta({ description: "The question's page in the app" }),
  })
  .meta({ id: "QuestionSummary" });

export const questionDetail = questionSummary
  .extend({
    description: z.string(),
    resolutionCriteria: z.string(),
    hideCrowdUntilForecast: z.boolean(),
    crowd: z
      .union([crowdForecast, crowdDistribution])
      .nullable()
      .meta({
        description:
          "Probabilities on yes/no and scenario questions, a distribution on numeric and date questions; null while the anchoring guard hides it from the caller, or before any forecast",
      }),
    crowdHidden: z.boolean().meta({ description: "True when the anchoring guard hides the crowd: forecast first (or wait for the close)" }),
  })
  .meta({ id: "Question" });

export const questionList = z
  .object({
    questions: z.array(questionSummary),
    page: z.int(),
    pageSize: z.int(),
    total: z.int(),
    pages: z.int(),
  })
  .meta({ id: "QuestionList" });

// ---- Forecasts ----

const percentNumber = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .min(MIN_PERCENT, { error: `${field} must be between ${MIN_PERCENT}% and ${MAX_PERCENT}%` })
    .max(MAX_PERCENT, { error: `${field} must be between ${MIN_PERCENT}% and ${MAX_PERCENT}%` });
const rationaleIn = z
  .string({ error: "rationale must be text" })
  .max(MAX_RATIONALE_LENGTH, { error: `rationale must be at most ${MAX_RATIONALE_LENGTH} characters` })
  .nullable()
  .optional()
  .meta({ description: "Why: shown beside the forecast as on the question page" });
const strict = { error: (iss: { code: string; keys?: string[] }) => (iss.code === "unrecognized_keys" ? `unknown field ${iss.keys!.join(", ")}` : undefined) };


const QUANTILE_RULE = "Give the median (p50) and at least two of p5, p25, p75 and p95, increasing";
const NUMERIC_VALUE_LIMIT = 1e15;
const quantileMissing = (key: QuantileKey) => `quantiles.${key} is required: the median, with at least two other quantiles`;
const numericQuantile = (key: QuantileKey) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? quantileMissing(key) : `quantiles.${key} must be a number in the question's unit`) })
    .gt(-NUMERIC_VALUE_LIMIT, { error: `quantiles.${key} must lie between -1e15 and 1e15` })
    .lt(NUMERIC_VALUE_LIMIT, { error: `quantiles.${key} must lie between -1e15 and 1e15` });
const DATE_RULE = (key: QuantileKey) => `quantiles.${key} must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)`;
const dateQuantile = (key: QuantileKey) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: (iss) => (iss.input === undefined ? quantileMissing(key) : DATE_RULE(key)) })
    .meta({ format: "date-time" });

/** `quantiles`: one field per level; the median is required, the form's rules (lib/validation/continuous-forecast) do the rest. */
function quantilesIn(value: (key: QuantileKey) => z.ZodType, example: Record<string, unknown>) {
  const field = (key: QuantileKey) => (key === "p50" ? value(key) : value(key).optional());
  return z
    .strictObject(Object.fromEntries(QUANTILE_KEYS.map((k) => [k, field(k)])) as Record<QuantileKey, z.ZodType>, strict)
    .meta({ description: `${QUANTILE_RULE}: the 5, 25, 50, 75 and 95 % quantiles, as on the question page's form`, example });
}

/**
 * A forecast, one shape per question type (`kind`): percentages on yes/no questions and scenario sets,
 * exactly as the form takes them; quantiles on numeric and date questions, as their form takes them.
 */
export const forecastSubmission = z
  .discriminatedUnion(
    "kind",
    [
      z
        .strictObject(
          {
            kind: z.literal("binary"),
            percent: percentNumber("percent").meta({ description: `P(yes) in percent, ${MIN_PERCENT}–${MAX_PERCENT}, at most one decimal`, example: 62.5 }),
            rationale: rationaleIn,
          },
          strict,
        )
        .meta({ id: "BinaryForecast", description: "On a yes/no question" }),
      z
        .strictObject(
          {
            kind: z.literal("scenarios"),
            percents: z
              .array(percentNumber("each percent"), { error: "percents must be an array of numbers" })
              .min(2, { error: "percents needs one entry per scenario (at least 2)" })
              .max(100, { error: "percents has more entries than any question has scenarios" })
              .meta({ description: "One percentage per scenario, in scenario order, totalling 100 (±0.05); renormalised to sum to 1", example: [20, 50, 30] }),
            rationale: rationaleIn,
          },
          strict,
        )
        .meta({ id: "ScenarioForecast", description: "On a scenario set (multiple choice)" }),
      z
        .strictObject(
          {
            kind: z.literal("numeric"),
            quantiles: quantilesIn(numericQuantile, { p5: 80, p25: 100, p50: 115, p75: 130, p95: 160 }),
            rationale: rationaleIn,
          },
          strict,
        )
        .meta({
          id: "NumericForecast",
          description:
            "On a numeric question: quantiles in the question's unit, turned into the 201-point CDF the desk stores exactly as the form does (docs/continuous.md).",
        }),
      z
        .strictObject(
          {
            kind: z.literal("date"),
            quantiles: quantilesIn(dateQuantile, { p5: "2027-01-15", p25: "2027-03-01", p50: "2027-04-01", p95: "2027-09-30" }),
            rationale: rationaleIn,
          },
          strict,
        )
        .meta({
          id: "DateForecast",
          description: "On a date question: quantiles as ISO 8601 dates (midnight UTC) or date-times, turned into the CDF as the form does.",
        }),
    ],
    { error: "kind must be binary, scenarios, numeric or date" },
  )
  .meta({ id: "ForecastSubmission" });
export type ForecastSubmissionBody = z.infer<typeof forecastSubmission>;

export const recordedForecast = z
  .discriminatedUnion("kind", [
    z
      .object({
        id: z.int(),
        kind: z.enum(["binary", "scenarios"]),
        questionId: z.string(),
        forecaster: z.string().meta({ description: "Handle" }),
        probabilities: z.array(z.number()),
        rationale: z.string().nullable(),
        madeAt: timestamp,
      })
      .meta({ id: "RecordedProbabilityForecast" }),
    z
      .object({
        id: z.int(),
        kind: z.enum(["numeric", "date"]),
        questionId: z.string(),
        forecaster: z.string().meta({ description: "Handle" }),
        quantiles: quantilesOut.meta({ description: "The quantiles as given" }),
        cdf: cdfOut,
        rationale: z.string().nullable(),
        madeAt: timestamp,
      })
      .meta({ id: "RecordedDistributionForecast" }),
  ])
  .meta({ id: "RecordedForecast" });

// ---- Crowd series ----

const population = z
  .enum(POPULATIONS, { error: "population must be people, bots or both" })
  .optional()
  .meta({ description: "Whose forecasts to pool. Default: people, or both when the desk counts bots in its crowd" });

/** Pooling methods the crowd series takes: the five of yes/no and scenario questions, and the numeric and date questions' one. */
export const CROWD_SERIES_METHODS = [...AGGREGATION_METHODS, DEFAULT_CONTINUOUS_AGGREGATION_METHOD] as const;

export const crowdSeriesQuery = z.strictObject(
  {
    method: z
      .enum(CROWD_SERIES_METHODS, { error: `method must be one of ${CROWD_SERIES_METHODS.join(", ")}` })
      .optional()
      .meta({
        description: `Yes/no and scenario questions: one of ${AGGREGATION_METHODS.join(", ")} (default ${DEFAULT_AGGREGATION_METHOD}). Numeric and date questions: ${DEFAULT_CONTINUOUS_AGGREGATION_METHOD} (the default and only one)`,
      }),
    population,
  },
  strict,
);

export const crowdSeries = z
  .object({
    questionId: z.string(),
    method: z.enum(AGGREGATION_METHODS),
    population: z.enum(POPULATIONS),
    points: z.array(
      z.object({
        time: timestamp.meta({ description: "From this instant the crowd forecast is `probabilities`, until the next point" }),
        probabilities: z.array(z.number()),
        forecasters: z.int(),
      }),
    ),
  })
  .meta({ id: "CrowdSeries", description: "A yes/no or scenario question's crowd forecast over time" });

export const crowdDistributionSeries = z
  .object({
    questionId: z.string(),
    method: z.literal(DEFAULT_CONTINUOUS_AGGREGATION_METHOD),
    population: z.enum(POPULATIONS),
    points: z.array(
      z.object({
        time: timestamp.meta({ description: "From this instant the crowd's distribution has these quantiles, until the next point" }),
        quantiles: quantilesOut,
        forecasters: z.int(),
      }),
    ),
    current: crowdDistribution.nullable().meta({ description: "The distribution after the last point, with its CDF; null before any forecast" }),
  })
  .meta({ id: "CrowdDistributionSeries", description: "A numeric or date question's crowd distribution over time: its median and 50 % and 90 % intervals" });

// ---- Scores ----

export const scoresQuery = z.strictObject(
  {
    from: periodFields.from.optional().meta({ description: "Resolved on or after this date (YYYY-MM-DD)" }),
    to: periodFields.to.optional().meta({ description: "Resolved on or before this date (YYYY-MM-DD)" }),
    tag: periodFields.tag.optional(),
    sample: z.enum(["final", "time_weighted"], { error: "sample must be final or time_weighted" }).default("final"),
    bins: z.enum(CALIBRATION_BIN_CHOICES, { error: "bins must be 5, 10 or 20" }).default("10").transform(Number),
    population: population.meta({
      description: "Whose forecasts the comparison scores (peer, relative Brier) count, the forecaster's own always included. Default: as the profile page",
    }),
  },
  strict,
).refine((q) => !q.from || !q.to || q.from <= q.to, { error: "from must not be after to", path: ["from"] });

const nullableNumber = z.number().nullable();
export const forecasterScores = z
  .object({
    handle: z.string(),
    name: z.string(),
    isBot: z.boolean(),
    population: z.enum(POPULATIONS).meta({ description: "Whose forecasts the comparison scores counted (the forecaster's own always)" }),
    summary: z.record(z.string(), z.unknown()).meta({ description: "Counts and mean scores as on the profile page (Brier, log, relative Brier, peer, baseline, coverage)" }),
    questions: z.array(
      z.object({
        questionId: z.string(),
        title: z.string(),
        resolved: timestamp,
        outcome: z.string(),
        finalForecast: nullableNumber,
        finalBrier: nullableNumber,
        brierTimeAvg: nullableNumber,
        relativeBrier: nullableNumber,
        baseline: nullableNumber,
        peer: nullableNumber,
        coverage: nullableNumber,
      }),
    ),
    calibration: z.object({
      sample: z.enum(["final", "time_weighted"]),
      bins: z.array(z.record(z.string(), z.unknown())).meta({ description: "Per probability bin: forecasts, mean forecast, observed frequency and its Jeffreys interval" }),
      murphy: z.record(z.string(), z.unknown()).nullable(),
    }),
  })
  .meta({ id: "ForecasterScores" });

// ---- Resolutions (admins) ----

const resolveTimeIn = isoTime.meta({ description: "When the outcome became known (may be backdated; after the open time, not in the future)", example: "2026-01-31T12:00:00Z" });
const evidenceIn = z.string({ error: "evidence must be text" }).max(EVIDENCE_MAX, { error: `evidence must be at most ${EVIDENCE_MAX} characters` });

const OUTCOME_RULE = "outcome must be an option index (binary: 0 = no, 1 = yes)";
const VALUE_RULE = "value must be a number (numeric question) or an ISO 8601 date-time (date question)";
/** What "resolve" and "correct" both carry: `outcome` on binary and scenario questions, `value` on numeric and date ones. */
const outcomeFields = {
  outcome: z
    .int({ error: OUTCOME_RULE })
    .min(0, { error: OUTCOME_RULE })
    .max(1000, { error: OUTCOME_RULE })
    .optional()
    .meta({ description: "Binary and scenario questions: the option index of what happened" }),
  value: z
    .union([z.number({ error: VALUE_RULE }), isoTime], { error: VALUE_RULE })
    .optional()
    .meta({
      description:
        "Numeric questions: the number that happened (in the question's unit); date questions: when, as an ISO 8601 date-time. A value beyond a closed bound is refused",
    }),
  resolveTime: resolveTimeIn,
  evidence: evidenceIn.default(""),
};

export const resolutionRequest = z
  .discriminatedUnion(
    "action",
    [
      z.strictObject({ action: z.literal("resolve"), ...outcomeFields }, strict).meta({ id: "Resolve", description: "Record what happened on an unresolved question" }),
      z.strictObject({ action: z.literal("correct"), ...outcomeFields }, strict).meta({
        id: "Correct",
        description: "Change the resolution of a resolved (or annulled) question; the audit log keeps both",
      }),
      z.strictObject(
        {
          action: z.literal("annul"),
          resolveTime: resolveTimeIn,
          reason: evidenceIn.default("").meta({ description: "Why the question is annulled (the app's Evidence field)" }),
        },
        strict,
      ).meta({ id: "Annul", description: "Annul: no outcome, nobody is scored" }),
    ],
    { error: "action must be resolve, correct or annul" },
  )
  .meta({ id: "ResolutionRequest" });
export type ResolutionRequest = z.infer<typeof resolutionRequest>;

export const resolutionResult = z
  .object({ questionId: z.string(), action: z.enum(["resolve", "correct", "annul"]), resolution: resolutionOut })
  .meta({ id: "ResolutionResult" });

// ---- Export ----

export const exportQuery = z.strictObject(
  {
    format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
    file: z.enum(["questions", "forecasts"], { error: "file must be questions or forecasts" }).optional().meta({ description: "With format=csv: which file" }),
  },
  strict,
).refine((q) => q.format !== "csv" || q.file !== undefined, { error: "file is required with format=csv (questions or forecasts)", path: ["file"] });

// ---- Tokens ----

export const apiTokenName = z
  .string({ error: "Name must be text" })
  .trim()
  .min(1, { error: "Name is required: say what the token is for" })
  .max(100, { error: "Name must be at most 100 characters" });

export const me = z
  .object({
    handle: z.string(),
    name: z.string(),
    role: z.enum(["analyst", "admin"]),
    isBot: z.boolean(),
  })
  .meta({ id: "Me" });

export const emptyQuery = z.strictObject({}, strict);
