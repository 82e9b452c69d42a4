"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/FieldError";
import { DistributionCharts } from "@/components/continuous/DistributionChart";
import { FAN_COLOUR, OWN_MEDIAN_COLOUR } from "@/components/continuous/FanChart";
import { distributionSummary, formatScaleValue, type ContinuousQuestionView, type NamedCdf } from "@/components/continuous/scale-display";
import { formatNumber } from "@/lib/format/number";
import { forecastFieldErrors } from "@/lib/validation/forecast";
import { continuousForecastInput, QUANTILE_FIELDS, typedValueText } from "@/lib/validation/continuous-forecast";
import { ForecastFormStatus, RationaleField } from "../forecast-form-parts";
import { submitContinuousForecast, type ContinuousForecastFormState } from "./actions";

type Values = Record<string, string>;

/**
 * A forecast on a numeric or date question described by its quantiles: the median and at least two of
 * 5, 25, 75 and 95 %, in the question's unit (a date picker for a date question). The preview redraws the
 * distribution (density and CDF, the crowd's beside it when the anchoring guard allows) as they are typed;
 * the same schema (lib/validation/continuous-forecast) checks the fields here and in the server action,
 * which computes the CDF again and validates it before storing it.
 */
export function ContinuousForecastForm({
  questionId,
  view,
  initialValues,
  crowd,
}: {
  questionId: string;
  view: ContinuousQuestionView;
  /** The fields of the viewer's standing forecast (its quantiles), or empty for a first forecast. */
  initialValues: Values;
  /** The crowd's distribution now, or null (hidden by the anchoring guard, or no forecasts). */
  crowd: number[] | null;
}) {
  const [state, formAction, pending] = useActionState<ContinuousForecastFormState, FormData>(submitContinuousForecast, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const [values, setValues] = useState<Values>(() => Object.fromEntries(QUANTILE_FIELDS.map((f) => [f.name, initialValues[f.name] ?? ""])));
  const [rationale, setRationale] = useState("");
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  // After a recorded forecast the rationale empties and errors wait for the next attempt; after a refusal
  // the server's errors show until a field changes.
  const [seenState, setSeenState] = useState(state);
  const [serverErrorsShown, setServerErrorsShown] = useState(false);
  if (state !== seenState) {
    setSeenState(state);
    setServerErrorsShown(state !== null && !state.ok);
    if (state?.ok) {
      setRationale("");
      setAttempted(false);
      setTouched(new Set());
    }
  }

  const schema = useMemo(() => continuousForecastInput(view.type, view.scale), [view.type, view.scale]);
  const parsed = schema.safeParse({ questionId, rationale, ...values });
  const errors = parsed.success ? {} : forecastFieldErrors(parsed.error);
  const filled = QUANTILE_FIELDS.filter((f) => values[f.name].trim() !== "").length;
  const visible = (key: string): string | undefined => {
    if (serverErrorsShown && state && !state.ok && state.fieldErrors[key]) return state.fieldErrors[key];
    if (attempted || touched.has(key)) return errors[key];
    // the set as a whole (too close together for the step limits) once three fields are filled
    if (key === "quantiles" && filled >= 3) return errors[key];
    return undefined;
  };

  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerErrorsShown(false);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setAttempted(true);
    if (!parsed.success) event.preventDefault();
  };

  const preview = parsed.success ? parsed.data.cdf : null;
  const cdfs: NamedCdf[] = [];
  if (preview) cdfs.push({ key: "yours", name: "Your forecast", colour: OWN_MEDIAN_COLOUR, cdf: Array.from(preview) });
  if (crowd) cdfs.push({ key: "crowd", name: "Crowd", colour: FAN_COLOUR, cdf: crowd });
  const summary = preview ? distributionSummary(view, preview) : null;
  const { rangeMin, rangeMax, openLowerBound, openUpperBound } = view.scale;
  const date = view.type === "date";
  const rangeHint =
    `${date ? "Dates" : `In ${view.unit || "the question's unit"}`}; the range is ${formatScaleValue(view, rangeMin)} to ${formatScaleValue(view, rangeMax)}` +
    (openLowerBound || openUpperBound
      ? ` (values ${[openLowerBound ? "below" : null, openUpperBound ? "above" : null].filter(Boolean).join(" or ")} it are possible).`
      : ", both ends closed: every quantile lies strictly inside it.");
  const describedBy = (key: string, hint?: string) => [visible(key) ? `${key}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Your forecast" data-testid="continuous-forecast-form">
      <input type="hidden" name="questionId" value={questionId} />
      <ForecastFormStatus state={state} showSuccess={!attempted} />
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="quantiles-hint">
        <legend>Your distribution, by its quantiles</legend>
        <p className="field-hint" id="quantiles-hint">
          Give the median (required) and at least two other quantiles: the value you think the outcome has a 5%, 25%, 75% or 95% chance
          to fall below. {rangeHint}
        </p>
        <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 11rem), 1fr))", gap: "0 1rem" }}>
          {QUANTILE_FIELDS.map((f) => (
            <div className="field" key={f.name}>
              <label htmlFor={`quantile-${f.name}`}>{f.label}</label>
              <input
                id={`quantile-${f.name}`}
                name={f.name}
                type={date ? "date" : "text"}
                inputMode={date ? undefined : "decimal"}
                autoComplete="off"
                min={date && !openLowerBound ? typedValueText("date", rangeMin) : undefined}
                max={date && !openUpperBound ? typedValueText("date", rangeMax) : undefined}
                value={values[f.name]}
                onChange={(e) => change(f.name, e.target.value)}
                onBlur={() => setTouched((t) => (t.has(f.name) ? t : new Set(t).add(f.name)))}
                aria-invalid={visible(f.name) ? true : undefined}
                aria-describedby={describedBy(f.name)}
                aria-required={f.level === 0.5 ? true : undefined}
                style={{ width: "100%" }}
              />
              <FieldError id={`${f.name}-error`} errors={visible(f.name)} />
            </div>
          ))}
        </div>
        <FieldError id="quantiles-error" errors={visible("quantiles")} />
      </fieldset>

      <div aria-live="polite" data-testid="forecast-preview">
        {summary ? (
          <p className="small" style={{ margin: "0.25rem 0 0.5rem" }} data-testid="forecast-preview-summary">
            Your distribution: median {summary.median}; 50% interval {summary.interval50}; 90% interval {summary.interval90}
            {summary.below !== null ? `; ${formatNumber(summary.below, "probability")} below the range` : ""}
            {summary.above !== null ? `; ${formatNumber(summary.above, "probability")} above the range` : ""}.
          </p>
        ) : (
          <p className="muted small" style={{ margin: "0.25rem 0 0.5rem" }}>
            The preview of your distribution appears when the median and two other quantiles fit together.
          </p>
        )}
      </div>
      {cdfs.length > 0 ? (
        <DistributionCharts
          view={view}
          cdfs={cdfs}
          csvName={`forecast-preview-${questionId.replace(/[^A-Za-z0-9_-]+/g, "-")}`}
          testId="forecast-preview-charts"
          note={preview ? (crowd ? "Your forecast as entered so far, beside the crowd's." : "Your forecast as entered so far.") : "The crowd's distribution now."}
        />
      ) : null}

      <RationaleField
        value={rationale}
        onChange={setRationale}
        onBlur={() => setTouched((t) => new Set(t).add("rationale"))}
        error={visible("rationale")}
      />
      <FieldError id="questionId-error" errors={visible("questionId") ?? visible("form")} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Submit forecast
      </button>
      {pending ? <span className="muted small"> Saving…</span> : null}
    </form>
  );
}
