// The demo's numeric and date questions (docs/continuous.md), from the same article's world as
// demo-questions.ts, with synthetic CDF forecasts: each analyst states quantiles around a latent median
// on the question's internal scale (drifting towards the outcome on resolved questions, as the binary
// beliefs do), spread by their sharpness, and lib/continuous/quantile-cdf turns them into a valid
// 201-point CDF. Seeded like the rest of the demo: the same `now` gives the same forecasts.
import { cdfFromQuantiles, type QuantileInput, type QuantileLevel } from "@/lib/continuous/quantile-cdf";
import { internalLocation, valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousDataset, ContinuousDatasetForecast, ContinuousDatasetQuestion } from "@/lib/continuous/types";
import { forecastingEndsAt } from "@/lib/question-lifecycle";
import { DEMO_ANALYSTS, type DemoAnalyst } from "./demo-analysts";
import { DAY_MS, deadlineLabel, endOfDayFrom, endOfYearFrom, startOfDayOf, utc } from "./demo-calendar";
import { demoRandom, seedFromText } from "./demo-random";

const ARTICLE = "Melyantsou, The Moscow Times / Carnegie Moscow Center, 21 September 2021";
const HOUR_MS = 3_600_000;
/** A separate stream from the binary and scenario histories, so theirs stay exactly as they were. */
const CONTINUOUS_SEED = 20211104;

interface DemoContinuousSpec {
  question: ContinuousDatasetQuestion;
  /** Where the desk starts, on the internal scale (0 = range minimum, 1 = maximum). */
  priorU: number;
  /** The analysts' typical interquartile width on the internal scale. */
  spreadU: number;
  cues: string[];
}

function specs(now: number): DemoContinuousSpec[] {
  const today = startOfDayOf(now);
  const nextYearEnd = endOfYearFrom(now, 12); // end of 31 December of the year at least 12 months away
  const priceYear = new Date(nextYearEnd - 1).getUTCFullYear();
  const common = { isDraft: false, resolveBy: null as number | null };
  return [
    {
      question: {
        ...common,
        id: "union-programs-approval-date",
        type: "date",
        title: "When will the Supreme State Council approve the 28 union programs?",
        description:
          "The article expects the programs to get final approval from Putin and Lukashenko in November 2021 at the state " +
          `council of the Union State. Source: ${ARTICLE}.`,
        resolutionCriteria: "The date of the Supreme State Council meeting (or signed decree) approving the 28 union programs.",
        tags: ["union state", "union programs"],
        scale: { rangeMin: utc(2021, 9, 21, 0), rangeMax: utc(2022, 6, 30, 0), zeroPoint: null, openLowerBound: false, openUpperBound: true },
        openTime: utc(2021, 9, 22, 9),
        closeTime: utc(2021, 11, 1, 0),
        resolveTime: utc(2021, 11, 4, 18),
        outcome: { kind: "value", value: utc(2021, 11, 4, 0) },
        evidence: "The Supreme State Council approved the 28 union programs at its meeting of 4 November 2021.",
        isIllustrative: false,
        hideCrowdUntilForecast: false,
      },
      priorU: 0.25,
      spreadU: 0.18,
      cues: ["the article points to the November state council", "Minsk says the texts are final", "the Kremlin confirms a November date"],
    },
    {
      question: {
        ...common,
        id: "gas-price-2022",
        type: "numeric",
        unit: "USD per 1,000 m³",
        title: "What price will Belarus pay for Russian gas in 2022 (USD per 1,000 m³)?",
        description:
          "Energy terms are what matters most to Minsk, and Moscow keeps putting off a single gas market. The 2021 price was " +
          `about USD 128.5 per 1,000 m³. Source: ${ARTICLE}.`,
        resolutionCriteria: "The contract price for 2022 as announced by the Belarusian government or Gazprom.",
        tags: ["gas", "prices"],
        scale: { rangeMin: 80, rangeMax: 400, zeroPoint: 0, openLowerBound: false, openUpperBound: true },
        openTime: utc(2021, 9, 22, 9),
        closeTime: utc(2021, 11, 15, 0),
        resolveTime: utc(2021, 11, 19, 12),
        outcome: { kind: "value", value: 128.52 },
        evidence: "Russia and Belarus kept the 2021 price of USD 128.52 per 1,000 m³ for 2022.",
        isIllustrative: false,
        hideCrowdUntilForecast: false,
      },
      priorU: 0.35,
      spreadU: 0.2,
      cues: ["the 2021 price is the anchor", "Lukashenko asks for the same price", "Gazprom signals no discount"],
    },
    {
      question: {
        ...common,
        id: "gas-addenda-signing-date",
        type: "date",
        title: "When will Russia and Belarus sign the addenda on the single gas market?",
        description:
          "The union program on a single gas market gave both sides until 1 December 2023 to sign addenda on how it will " +
          "operate and be regulated; the article sees \"little cause for optimism\". The deadline has passed without them. " +
          `Source: ${ARTICLE}.`,
        resolutionCriteria: "The date both governments sign the addenda (or an intergovernmental agreement) setting the rules of the single gas market.",
        tags: ["gas", "union programs"],
        scale: { rangeMin: today, rangeMax: today + 4 * 365 * DAY_MS, zeroPoint: null, openLowerBound: false, openUpperBound: true },
        openTime: today - 60 * DAY_MS,
        closeTime: endOfDayFrom(now, 120),
        resolveTime: null,
        outcome: null,
        evidence: null,
        isIllustrative: false,
        hideCrowdUntilForecast: true,
      },
      priorU: 0.55,
      spreadU: 0.3,
      cues: ["the 2023 deadline slipped", "talks on tariffs resumed", "Minsk wants domestic Russian prices first"],
    },
    {
      question: {
        ...common,
        id: "union-programs-done-count",
        type: "numeric",
        unit: "programs",
        title: `How many of the 28 union programs will be reported fully implemented by ${deadlineLabel(nextYearEnd)}?`,
        description:
          "Many of the programs are framework documents that need further laws and agreements; their timelines are " +
          `\"entirely provisory\". Source: ${ARTICLE}.`,
        resolutionCriteria: "The count of programs the Union State's Standing Committee or both governments report as fully implemented.",
        tags: ["union state", "union programs"],
        scale: { rangeMin: 0, rangeMax: 28, zeroPoint: null, openLowerBound: false, openUpperBound: false },
        openTime: today - 90 * DAY_MS,
        closeTime: endOfDayFrom(now, 60),
        resolveTime: null,
        outcome: null,
        evidence: null,
        isIllustrative: false,
        hideCrowdUntilForecast: false,
        resolveBy: nextYearEnd,
      },
      priorU: 0.45,
      spreadU: 0.22,
      cues: ["officials claim most programs are on track", "the customs and tax programs lag", "reports count partial completion"],
    },
    {
      question: {
        ...common,
        id: `gas-price-${priceYear}`,
        type: "numeric",
        unit: "USD per 1,000 m³",
        title: `What price will Belarus pay for Russian gas in ${priceYear} (USD per 1,000 m³)?`,
        description:
          "A log scale: what matters is the ratio to today's price, and a jump after a break in relations is possible " +
          `(the upper bound is open). Source: ${ARTICLE}.`,
        resolutionCriteria: `The average contract price for ${priceYear} as announced by the Belarusian government or Gazprom.`,
        tags: ["gas", "prices"],
        scale: { rangeMin: 80, rangeMax: 400, zeroPoint: 0, openLowerBound: false, openUpperBound: true },
        openTime: today - 45 * DAY_MS,
        closeTime: endOfDayFrom(now, 200),
        resolveTime: null,
        outcome: null,
        evidence: null,
        isIllustrative: false,
        hideCrowdUntilForecast: false,
        resolveBy: nextYearEnd + 60 * DAY_MS,
      },
      priorU: 0.3,
      spreadU: 0.18,
      cues: ["the price has been frozen for years", "Gazprom needs revenue", "a new five-year deal is rumoured"],
    },
  ];
}

const LEVELS: readonly QuantileLevel[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Standard normal quantiles of LEVELS: a forecaster's quantiles are a normal on the internal scale. */
const Z = [-1.6449, -0.6745, 0, 0.6745, 1.6449];

/** An analyst's forecasts on one question: 1 to a few, each a CDF from 3 or 5 quantiles. */
function forecastsOf(spec: DemoContinuousSpec, analyst: DemoAnalyst, now: number): ContinuousDatasetForecast[] {
  const q = spec.question;
  const rnd = demoRandom(seedFromText(`${q.id}/${analyst.handle}`, CONTINUOUS_SEED));
  if (!rnd.chance(analyst.participation)) return [];
  const end = Math.min(forecastingEndsAt({ ...q, isDraft: false }) - HOUR_MS, now - HOUR_MS);
  if (end <= q.openTime) return [];
  const truthU = q.outcome?.kind === "value" ? Math.min(1.05, internalLocation(q.scale, q.outcome.value)) : null;
  const bias = (analyst.style === "contrarian" ? 0.12 : 0) + analyst.noise * 0.08 * rnd.normal();
  const count = analyst.updateEveryDays === null ? 1 : 1 + rnd.int(0, Math.min(3, analyst.maxForecastsPerQuestion - 1));
  const out: ContinuousDatasetForecast[] = [];
  for (let k = 0; k < count; k++) {
    const share = (k + rnd.next()) / count;
    const time = Math.floor(q.openTime + share * (end - q.openTime));
    // The latent median moves towards the outcome as it nears (squared, like the binary pull).
    const centre = truthU === null ? spec.priorU : spec.priorU + (truthU - spec.priorU) * share * share;
    const median = centre + bias + 0.03 * analyst.noise * rnd.normal();
    const sigma = (spec.spreadU / 1.349) * (0.8 + 0.4 * rnd.next()) / analyst.sharpness;
    const five = analyst.style === "sharp" || analyst.style === "calibrated";
    const quantiles: QuantileInput[] = [];
    LEVELS.forEach((level, i) => {
      if (!five && (level === 0.05 || level === 0.95)) return;
      const u = Math.min(0.985, Math.max(0.015, median + Z[i] * sigma));
      quantiles.push({ level, value: valueAtLocation(q.scale, u) });
    });
    const read = cdfFromQuantiles(q.scale, quantiles);
    if (!read.ok) continue; // quantiles the step limits cannot meet: this analyst skips the update
    const rationale = rnd.chance(analyst.rationaleRate) ? `${rnd.pick(spec.cues).replace(/^./, (c) => c.toUpperCase())}.` : null;
    out.push({ question: q.id, forecaster: analyst.handle, time, cdf: read.cdf, rationale });
  }
  return out;
}

/** The demo's numeric and date questions and their forecasts (time order) for the seeding day `now`. */
export function demoContinuousDataset(now: number): ContinuousDataset {
  const all = specs(now);
  const forecasts: ContinuousDatasetForecast[] = [];
  for (const spec of all) for (const analyst of DEMO_ANALYSTS) forecasts.push(...forecastsOf(spec, analyst, now));
  forecasts.sort((a, b) => a.time - b.time);
  return { questions: all.map((s) => s.question), forecasts };
}
