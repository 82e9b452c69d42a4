import * as z from "zod";
import type { DeskQuestionType, QuestionScale } from "@/lib/types";
import { readScaleFields } from "./question-scale";
import { endOfUtcDay, isKnownTimeZone, wallClockToEpochMs } from "./wall-clock";

// The create/edit question form (admin). Text limits: title ≤ 200, description and criteria ≤ 10,000.

export const QUESTION_TYPES = ["binary", "multiple_choice", "numeric", "date"] as const satisfies readonly DeskQuestionType[];

export const TITLE_MAX = 200;
export const LONG_TEXT_MAX = 10_000;
export const TAG_MAX = 40;
export const TAGS_MAX = 20;
export const SCENARIO_MAX = 200;
export const SCENARIOS_MAX = 20;

/**
 * A question as an admin defines it; times in UTC epoch ms. Binary questions have no scenarios; numeric
 * and date questions have a scale (date: range in epoch ms) and no scenarios; the others no scale.
 */
export interface QuestionDefinition {
  title: string;
  description: string;
  resolutionCriteria: string;
  tags: string[];
  openTime: number;
  closeTime: number;
  resolveBy: number | null;
  type: (typeof QUESTION_TYPES)[number];
  scenarios: string[];
  /** Numeric and date questions only (absent or null on the others). */
  scale?: QuestionScale | null;
  hideCrowdUntilForecast: boolean;
  isDraft: boolean;
}

/** HTML checkboxes send "on" when ticked and nothing otherwise. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A text field: absent → "". Every rule is checked in one pass below, so the form shows all errors at once. */
const field = z.string({ error: "must be text" }).default("");

/** "a, b ,, c" → ["a", "b", "c"], duplicates (case-insensitive) dropped. */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw.split(",").map((s) => s.trim().replace(/\s+/g, " "))) {
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** One scenario per line; surrounding blank lines and spaces ignored. */
export function splitScenarios(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const questionFormInput = z
  .object({
    title: field,
    description: field,
    resolutionCriteria: field,
    tags: field,
    timeZone: field,
    openTime: field,
    closeTime: field,
    resolveBy: field,
    type: field,
    scenarios: field,
    unit: field,
    rangeMin: field,
    rangeMax: field,
    logScale: checkbox,
    zeroPoint: field,
    openLowerBound: checkbox,
    openUpperBound: checkbox,
    hideCrowdUntilForecast: checkbox,
    isDraft: checkbox,
  })
  .transform((f, ctx): QuestionDefinition => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const limit = (path: string, label: string, value: string, max: number) => {
      if (value.length > max) issue(path, `${label} must be at most ${max.toLocaleString("en-US")} characters`);
    };
    const title = f.title.trim();
    if (!title) issue("title", "Title is required");
    limit("title", "Title", title, TITLE_MAX);
    limit("description", "Description", f.description, LONG_TEXT_MAX);
    limit("resolutionCriteria", "Resolution criteria", f.resolutionCriteria, LONG_TEXT_MAX);
    limit("tags", "Tags", f.tags, 2_000);
    limit("scenarios", "Scenarios", f.scenarios, 10_000);
    const type = QUESTION_TYPES.find((t) => t === f.type);
    if (!type) issue("type", "Type must be binary, scenario set, numeric or date");
    if (!f.openTime.trim()) issue("openTime", "Open time is required");
    if (!f.closeTime.trim()) issue("closeTime", "Close time is required");
    const zone = isKnownTimeZone(f.timeZone) ? f.timeZone : "UTC";
    const openTime = f.openTime.trim() ? wallClockToEpochMs(f.openTime, zone) : null;
    const closeTime = f.closeTime.trim() ? wallClockToEpochMs(f.closeTime, zone) : null;
    const resolveBy = f.resolveBy.trim() === "" ? null : endOfUtcDay(f.resolveBy);
    if (f.openTime.trim() && openTime === null) issue("openTime", "Open time must be a date and time");
    if (f.closeTime.trim() && closeTime === null) issue("closeTime", "Close time must be a date and time");
    if (openTime !== null && closeTime !== null && closeTime <= openTime)
      issue("closeTime", "Close time must be after the open time");
    if (f.resolveBy.trim() !== "" && resolveBy === null) issue("resolveBy", "Resolve-by must be a date (YYYY-MM-DD)");
    if (resolveBy !== null && closeTime !== null && resolveBy < closeTime)
      issue("resolveBy", "Resolve-by must not be before the close time");

    const tags = splitTags(f.tags);
    if (tags.length > TAGS_MAX) issue("tags", `At most ${TAGS_MAX} tags`);
    const longTag = tags.find((t) => t.length > TAG_MAX);
    if (longTag) issue("tags", `Each tag must be at most ${TAG_MAX} characters ("${longTag.slice(0, 20)}…" is longer)`);

    let scenarios: string[] = [];
    if (type === "multiple_choice") {
      scenarios = splitScenarios(f.scenarios);
      const lower = scenarios.map((s) => s.toLowerCase());
      if (scenarios.length < 2) issue("scenarios", "A scenario set needs at least 2 scenarios, one per line");
      else if (scenarios.length > SCENARIOS_MAX) issue("scenarios", `A scenario set has at most ${SCENARIOS_MAX} scenarios`);
      if (new Set(lower).size !== lower.length) issue("scenarios", "Scenario names must be unique");
      if (lower.includes("annulled")) issue("scenarios", '"annulled" is reserved and cannot be a scenario name');
      if (scenarios.some((s) => s.length > SCENARIO_MAX))
        issue("scenarios", `Each scenario name must be at most ${SCENARIO_MAX} characters`);
    }
    const scale = type === "numeric" || type === "date" ? readScaleFields(type, f, issue) : null;
    return {
      title,
      description: f.description.trim(),
      resolutionCriteria: f.resolutionCriteria.trim(),
      tags,
      openTime: openTime ?? 0,
      closeTime: closeTime ?? 0,
      resolveBy,
      type: type ?? "binary",
      scenarios,
      scale,
      hideCrowdUntilForecast: f.hideCrowdUntilForecast,
      isDraft: f.isDraft,
    };
  });

export type QuestionFormFields = keyof z.input<typeof questionFormInput>;

/** The question list's GET parameters. */
export const QUESTION_TABS = ["open", "closing-soon", "due", "closed", "resolved", "all"] as const;
/** "mine": the questions the viewer has forecast (signed in only). */
export const LIST_TABS = [...QUESTION_TABS, "mine"] as const;
export type QuestionTab = (typeof QUESTION_TABS)[number];
export type ListTab = (typeof LIST_TABS)[number];

export const questionListParams = z.object({
  tab: z.enum(LIST_TABS).catch("open"),
  /** Mine tab: only forecasts that need an update ("1"). */
  needs: z.literal("1").optional().catch(undefined),
  tag: z.string().max(TAG_MAX).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  /** 1-based page (lib/question-paging); anything that is not a whole number ≥ 1 reads as page 1. */
  page: z.coerce.number().int().min(1).catch(1),
});
