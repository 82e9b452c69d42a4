import Link from "next/link";
import { getDb } from "@/db/client";
import { crowdIncludesBots } from "@/db/queries/bots";
import { crowdDistributionHistory, listOwnContinuousForecasts } from "@/db/queries/continuous-forecasts";
import type { UserProfile } from "@/db/queries/users";
import { CrowdDistributionPanel } from "@/components/continuous/CrowdDistributionPanel";
import type { ContinuousQuestionView } from "@/components/continuous/scale-display";
import { quantileLocation } from "@/lib/continuous/cdf";
import { valueAtLocation } from "@/lib/continuous/scale";
import { defaultPopulation } from "@/lib/population";
import type { QuestionStatus } from "@/lib/question-lifecycle";
import { actualCloseTime } from "@/lib/standing-forecast";
import type { ContinuousQuestion } from "@/lib/types";
import { QUANTILE_FIELDS, typedValueText } from "@/lib/validation/continuous-forecast";
import { CLOSED_NOTE } from "../closed-note";
import { CROWD_TABLE_ROWS } from "../CrowdPanel";
import { ContinuousForecastForm } from "./ContinuousForecastForm";

/** Points of the fan chart at most (as the binary crowd chart: a few per horizontal pixel). */
export const FAN_CHART_POINTS = 500;

/** The form's fields for a standing forecast: its quantiles, rounded as the form shows them. */
function fieldsOf(view: ContinuousQuestionView, cdf: ArrayLike<number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of QUANTILE_FIELDS) {
    if (f.level !== 0.5 && f.level !== 0.25 && f.level !== 0.75) continue;
    const value = valueAtLocation(view.scale, quantileLocation(cdf, f.level));
    if (view.type === "date") out[f.name] = typedValueText("date", value);
    else out[f.name] = String(Number(value.toPrecision(6)));
  }
  return out;
}

export interface ContinuousForecastSectionProps {
  question: ContinuousQuestion;
  viewer: UserProfile | null;
  status: QuestionStatus;
  /** Anchoring guard: the crowd and others' rationales are hidden from this viewer. */
  crowdHidden: boolean;
  now: number;
}

/**
 * Forecasting on a numeric or date question and its crowd: the quantile form (for a signed-in viewer while
 * the question is open), the crowd's distribution now and over time — hidden by the anchoring guard until
 * the viewer has forecast, as for the other questions.
 */
export function ContinuousForecastSection({ question, viewer, status, crowdHidden, now }: ContinuousForecastSectionProps) {
  const db = getDb();
  const questionId = question.id;
  const view: ContinuousQuestionView = { type: question.type, unit: question.scale.unit, scale: question.scale };
  const own = viewer ? listOwnContinuousForecasts(db, questionId, viewer.id) : [];
  const end = Math.min(now, actualCloseTime(question));
  const atClose = end < now;
  const openTime = question.openTime;
  const signedIn = viewer !== null;
  const history = crowdHidden
    ? null
    : crowdDistributionHistory(db, questionId, openTime, end, defaultPopulation(crowdIncludesBots(db)), FAN_CHART_POINTS);
  const current = history?.current ?? null;
  const latestOwn = own.at(-1);
  const forecasters = history?.points.at(-1)?.forecasters ?? 0;
  return (
    <>
      <section aria-labelledby="forecast-heading" className="card">
        <h2 id="forecast-heading">{status !== "open" ? "Forecasting" : latestOwn ? "Update your forecast" : "Make a forecast"}</h2>
        {!signedIn ? (
          <p className="notice" data-testid="sign-in-to-forecast">
            <Link href={`/signin?next=${encodeURIComponent(`/questions/${questionId}`)}`}>Sign in to forecast</Link> on this question.
          </p>
        ) : status !== "open" ? (
          <p className="notice" data-testid="forecasting-closed">
            {CLOSED_NOTE[status]}
          </p>
        ) : (
          <ContinuousForecastForm
            questionId={questionId}
            view={view}
            initialValues={latestOwn ? fieldsOf(view, latestOwn.cdf) : {}}
            crowd={current ? Array.from(current) : null}
          />
        )}
      </section>
      {crowdHidden || !history ? (
        <p className="notice" data-testid="crowd-hidden-note">
          The crowd forecast is hidden until you make your own forecast.
        </p>
      ) : (
        <CrowdDistributionPanel
          questionId={questionId}
          view={view}
          current={current}
          forecasters={forecasters}
          points={history.points}
          own={own.map((f) => ({ time: f.time, location: quantileLocation(f.cdf, 0.5) }))}
          start={openTime}
          end={end}
          atClose={atClose}
          fullData={
            history.changePoints + 1 > CROWD_TABLE_ROWS
              ? { href: `/questions/${encodeURIComponent(questionId)}/chart-data?chart=fan`, rowCount: history.changePoints + 1, shown: "latest" }
              : undefined
          }
          latestRows={CROWD_TABLE_ROWS}
        />
      )}
    </>
  );
}
