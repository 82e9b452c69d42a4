// The demo desk as a pure function of the day it is seeded: questions from demo-questions.ts and
// forecast histories of the analysts in demo-analysts.ts, drawn from a fixed seed, so the same
// `now` always gives the same dataset (no clock, no I/O).
//
// How histories are made: each question has a latent belief, a random walk of log-odds (one per
// scenario) starting at the desk's prior; on questions that resolved it drifts towards what
// happened as the resolve time nears. Each analyst reads that belief through their style
// (lookahead = skill, sharpness = over/underconfidence, noise, contrarian, anchored) and enters
// whole percentages, as people do.
import { binaryVector } from "@/lib/probability";
import { forecastingEndsAt } from "@/lib/question-lifecycle";
import { DEFAULT_SCORING_PARAMS, type Dataset, type DatasetForecast, type Outcome } from "@/lib/types";
import { DEMO_ANALYSTS, type DemoAnalyst } from "./demo-analysts";
import { DAY_MS } from "./demo-calendar";
import { demoContinuousDataset } from "./demo-continuous";
import { demoRandom, seedFromText, type DemoRandom } from "./demo-random";
import { demoQuestionSpecs, EARLIEST_DEMO_NOW, type DemoQuestionSpec } from "./demo-questions";

export const DEMO_SEED = 20210921;

const HOUR_MS = 3_600_000;
/** Log-odds the latent belief gains for the true outcome by the time it becomes known. */
const OUTCOME_PULL = 3.2;

type DatasetQuestion = Dataset["questions"][number];

function optionLabels(spec: DemoQuestionSpec): string[] {
  return spec.type === "binary" ? ["no", "yes"] : spec.options!;
}

function outcomeOf(spec: DemoQuestionSpec): Outcome | null {
  const r = spec.resolution;
  if (!r) return null;
  if (r.outcome === "annulled") return { kind: "annulled" };
  const option = optionLabels(spec).indexOf(r.outcome);
  if (option < 0) throw new Error(`demo question ${spec.id}: resolution "${r.outcome}" is not one of its options`);
  return { kind: "option", option };
}

function toDatasetQuestion(spec: DemoQuestionSpec): DatasetQuestion {
  return {
    id: spec.id,
    type: spec.type,
    options: optionLabels(spec),
    openTime: spec.openTime,
    closeTime: spec.closeTime,
    resolveTime: spec.resolution?.resolveTime ?? null,
    outcome: outcomeOf(spec),
    title: spec.title,
    description: spec.description,
    resolutionCriteria: spec.resolutionCriteria,
    tags: spec.tags,
    resolveBy: spec.resolveBy,
    isDraft: false,
    isIllustrative: spec.isIllustrative,
    hideCrowdUntilForecast: spec.hideCrowdUntilForecast,
    evidence: spec.resolution?.evidence ?? null,
  };
}

/** The latent belief over time: log-odds per option, with a daily random walk and the pull to the outcome. */
interface LatentBelief {
  /** Centred log-probabilities per option at time t. */
  at(t: number): number[];
}

function latentBelief(spec: DemoQuestionSpec, question: DatasetQuestion, rnd: DemoRandom): LatentBelief {
  const k = spec.prior.length;
  const start = spec.prior.map((p) => Math.log(p));
  const days = Math.ceil((spec.closeTime - spec.openTime) / DAY_MS) + 2;
  const step = spec.volatility / Math.sqrt(30);
  const path: number[][] = [start.slice()];
  for (let d = 1; d < days; d++) {
    const prev = path[d - 1];
    // Random walk with a weak pull back to the prior (so unresolved questions stay plausible).
    path.push(prev.map((z, i) => z + 0.01 * (start[i] - z) + step * rnd.normal()));
  }
  const outcome = question.outcome?.kind === "option" ? question.outcome.option : null;
  const known = forecastingEndsAt({ ...question, isDraft: false });
  return {
    at(t) {
      const d = Math.min(days - 1, Math.max(0, Math.floor((t - spec.openTime) / DAY_MS)));
      const z = path[d].slice();
      if (outcome !== null) {
        const frac = Math.min(1, Math.max(0, (t - spec.openTime) / (known - spec.openTime)));
        z[outcome] += OUTCOME_PULL * frac * frac;
      }
      const mean = z.reduce((s, x) => s + x, 0) / k;
      return z.map((x) => x - mean);
    },
  };
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Whole percentages, each at least 1 (binary: 1–99), summing to 100. */
function toPercentages(p: number[]): number[] {
  const pct = p.map((x) => Math.min(99, Math.max(1, Math.round(x * 100))));
  let diff = 100 - pct.reduce((a, b) => a + b, 0);
  // Settle the rounding on the largest entries, keeping every entry in [1, 99].
  const order = pct.map((_, i) => i).sort((a, b) => pct[b] - pct[a] || a - b);
  for (let i = 0; diff !== 0; i = (i + 1) % order.length) {
    const j = order[i];
    const delta = Math.sign(diff);
    if (pct[j] + delta >= 1 && pct[j] + delta <= 99) {
      pct[j] += delta;
      diff -= delta;
    }
  }
  return pct;
}

/** What an analyst enters at time t, as whole percentages per option. */
function analystPercentages(
  analyst: DemoAnalyst,
  belief: LatentBelief,
  t: number,
  firstTime: number,
  horizon: number,
  rnd: DemoRandom,
): number[] {
  const seen = belief.at(Math.min(horizon, t + analyst.lookaheadDays * DAY_MS));
  let z = analyst.style === "anchored" ? belief.at(firstTime).map((a, i) => 0.65 * a + 0.35 * seen[i]) : seen;
  const noiseScale = z.length === 2 ? analyst.noise / Math.SQRT2 : analyst.noise * 0.8;
  z = z.map((x) => analyst.sharpness * (x + noiseScale * rnd.normal()));
  // Contrarian: leans against moderate consensus, follows only overwhelming evidence.
  if (analyst.style === "contrarian") z = z.map((x) => x - 1.3 * Math.tanh(x));
  return toPercentages(softmax(z));
}

const STYLE_TAILS: Record<DemoAnalyst["style"], string[]> = {
  sharp: ["Base rates first, then the latest reporting.", "Small update; the signal is still weak."],
  calibrated: ["Roughly the base rate for such deadlines.", ""],
  overconfident: ["I don't see this changing.", "Strong conviction here."],
  underconfident: ["Lots of uncertainty; staying cautious.", "Hedging until there is harder evidence."],
  noisy: ["Gut call.", "Quick update."],
  contrarian: ["The consensus looks too comfortable.", "I think the desk is overreacting."],
  anchored: ["No reason to move far from my first estimate.", "Sticking close to my earlier view."],
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function rationaleFor(
  spec: DemoQuestionSpec,
  analyst: DemoAnalyst,
  pct: number[],
  previous: number[] | null,
  timeShare: number,
  rnd: DemoRandom,
): string | null {
  if (!rnd.chance(analyst.rationaleRate)) return null;
  // Cues are listed roughly in the order they became relevant.
  const centre = Math.floor(timeShare * spec.cues.length);
  const cue = spec.cues[Math.min(spec.cues.length - 1, Math.max(0, centre + rnd.int(-1, 0)))];
  let head: string;
  if (spec.type === "binary") {
    const p = pct[1];
    if (!previous) head = `${p}%: ${cue}.`;
    else {
      const was = previous[1];
      head = `${p > was ? "Up" : "Down"} from ${was}% to ${p}%: ${cue}.`;
    }
  } else {
    const labels = spec.options!;
    const top = pct.indexOf(Math.max(...pct));
    head = previous
      ? `"${labels[top]}" now ${pct[top]}% (was ${previous[top]}%): ${cue}.`
      : `Leading scenario "${labels[top]}" at ${pct[top]}%: ${capitalise(cue)}.`;
  }
  const tail = rnd.chance(0.4) ? rnd.pick(STYLE_TAILS[analyst.style]) : "";
  return capitalise(tail ? `${head} ${tail}` : head);
}

/** A plausible moment of the working day (06:00–21:59 UTC) on the day of t, kept inside [lo, hi]. */
function workingTime(t: number, lo: number, hi: number, rnd: DemoRandom): number {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const candidate = day + rnd.int(6, 21) * HOUR_MS + rnd.int(0, 59) * 60_000;
  return Math.min(hi, Math.max(lo, candidate));
}

function forecastHistory(
  spec: DemoQuestionSpec,
  question: DatasetQuestion,
  analyst: DemoAnalyst,
  belief: LatentBelief,
  now: number,
): DatasetForecast[] {
  if (spec.absent?.includes(analyst.handle)) return [];
  const rnd = demoRandom(seedFromText(`${spec.id}/${analyst.handle}`, DEMO_SEED));
  if (!rnd.chance(analyst.participation)) return [];
  const known = forecastingEndsAt({ ...question, isDraft: false });
  // Nobody forecasts after the outcome is known, after the close, or in the future.
  const end = Math.min(known - HOUR_MS, now - HOUR_MS);
  const start = spec.openTime;
  if (end <= start) return [];
  const window = end - start;
  const oneOff = analyst.updateEveryDays === null;
  const firstShare = oneOff ? rnd.next() : Math.min(0.9, rnd.exponential(0.15));
  const first = workingTime(start + firstShare * window, start, end, rnd);

  const out: DatasetForecast[] = [];
  let previous: number[] | null = null;
  for (let t = first; t <= end && out.length < analyst.maxForecastsPerQuestion; ) {
    const pct = analystPercentages(analyst, belief, t, first, known, rnd);
    const changed = !previous || pct.some((x, i) => x !== previous![i]);
    if (changed) {
      const rationale = rationaleFor(spec, analyst, pct, previous, (t - start) / window, rnd);
      out.push({
        question: spec.id,
        forecaster: analyst.handle,
        time: t,
        // A binary forecast is its P(yes), as forecast-desk/v1 carries it: [1 − p, p].
        probabilities: spec.type === "binary" ? binaryVector(pct[1] / 100) : pct.map((x) => x / 100),
        rationale,
      });
      previous = pct;
    }
    if (oneOff) break;
    const gapDays = Math.max(1, rnd.exponential(analyst.updateEveryDays!));
    const nextT = t + gapDays * DAY_MS;
    if (nextT > end) break;
    t = workingTime(nextT, t + HOUR_MS, end, rnd);
  }
  return out;
}

/**
 * The whole demo desk for a given seeding day. Same `now`, same dataset. Probabilities are whole
 * percentages in [0.01, 0.99] and every vector sums to 1; forecasts lie in [open, end of forecasting]
 * and never after `now`.
 */
export function buildDemoDataset(now: number): Dataset {
  if (!Number.isFinite(now) || now < EARLIEST_DEMO_NOW)
    throw new RangeError(`now must be on or after ${new Date(EARLIEST_DEMO_NOW).toISOString()} (the demo's historical questions resolve by then)`);
  const specs = demoQuestionSpecs(now);
  const questions = specs.map(toDatasetQuestion);
  const forecasts: DatasetForecast[] = [];
  specs.forEach((spec, qi) => {
    const belief = latentBelief(spec, questions[qi], demoRandom(seedFromText(spec.id, DEMO_SEED)));
    for (const analyst of DEMO_ANALYSTS) forecasts.push(...forecastHistory(spec, questions[qi], analyst, belief, now));
  });
  // Input order = time order (ids in the database follow it); Array.prototype.sort is stable, so
  // ties keep generation order.
  forecasts.sort((a, b) => a.time - b.time);
  // Numeric and date questions (demo-continuous.ts) draw from their own seed: the rest stays as it was.
  return { params: { ...DEFAULT_SCORING_PARAMS }, questions, forecasts, continuous: demoContinuousDataset(now) };
}
