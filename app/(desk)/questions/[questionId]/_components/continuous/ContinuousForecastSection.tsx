import type { UserProfile } from "@/db/queries/users";
import type { QuestionStatus } from "@/lib/question-lifecycle";
import type { ContinuousQuestion } from "@/lib/types";

// TEMPORARY placeholder (CONTINUOUS-DESIGN: branch cont13b replaces this file with the quantile form,
// the density and CDF charts and the crowd's distribution). It says only that nothing is here yet.

export interface ContinuousForecastSectionProps {
  question: ContinuousQuestion;
  viewer: UserProfile | null;
  status: QuestionStatus;
  /** Anchoring guard: the crowd and others' rationales are hidden from this viewer. */
  crowdHidden: boolean;
  now: number;
}

export function ContinuousForecastSection({ question }: ContinuousForecastSectionProps) {
  return (
    <section aria-labelledby="forecast-heading" className="card" data-testid="continuous-forecast-section" data-question-type={question.type}>
      <h2 id="forecast-heading">Forecasting</h2>
      <p className="notice">Forecasting on numeric and date questions opens here</p>
    </section>
  );
}
