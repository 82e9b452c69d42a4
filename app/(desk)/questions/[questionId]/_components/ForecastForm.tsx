"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type FormEvent } from "react";
import {
  forecastFieldErrors,
  forecastInput,
  percentDigits,
  MAX_PERCENT,
  MIN_PERCENT,
  normaliseScenarioPercents,
  scenarioTotal,
} from "@/lib/validation/forecast";
import { FieldError } from "@/components/ui/FieldError";
import { ForecastFormStatus, RationaleField } from "./forecast-form-parts";
import { submitForecast, type ForecastFormState } from "../actions";

/**
 * Enter a forecast: a binary probability (typed box and slider kept in sync) or one percentage per
 * scenario with a live total and "Normalise to 100%". The same zod schema checks it here (at once)
 * and in the server action (for real).
 */
export function ForecastForm({
  questionId,
  options,
  binary,
  initialPercents,
}: {
  questionId: string;
  /** Scenario labels in scenario order (ignored for binary). */
  options: readonly string[];
  binary: boolean;
  /** The viewer's standing forecast in percent (binary: [P(yes)]), or null for a first forecast. */
  initialPercents: number[] | null;
}) {
  const [state, formAction, pending] = useActionState<ForecastFormState, FormData>(submitForecast, null);
  const router = useRouter();
  // The action answers with what changed only; the rest of the page (crowd, history) follows here.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [percent, setPercent] = useState(() => percentDigits(initialPercents?.[0] ?? 50));
  // Start from the standing forecast rounded to one decimal and still totalling 100 (else equal shares).
  const [percents, setPercents] = useState<string[]>(() =>
    (
      (initialPercents && initialPercents.length === options.length ? normaliseScenarioPercents(initialPercents) : null) ??
      normaliseScenarioPercents(options.map(() => 1)) ??
      []
    ).map(String),
  );
  const [rationale, setRationale] = useState("");
  // After a recorded forecast the rationale box empties (the probability stays as the new standing one).
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) setRationale("");
  }

  const serverErrors = state && !state.ok ? state.fieldErrors : {};
  const errors = clientErrors ?? serverErrors;
  const total = scenarioTotal(percents.map(Number));
  const sliderValue = Number.isFinite(Number(percent)) && percent.trim() !== "" ? Number(percent) : 50;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = forecastInput.safeParse(
      binary
        ? { kind: "binary", questionId, percent, rationale }
        : { kind: "scenarios", questionId, percents, rationale },
    );
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(forecastFieldErrors(parsed.error));
    } else {
      setClientErrors(null);
    }
  }

  const describedBy = (key: string, hint?: string) =>
    [errors[key] ? `${key.replace(".", "-")}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Your forecast" data-testid="forecast-form">
      <input type="hidden" name="kind" value={binary ? "binary" : "scenarios"} />
      <input type="hidden" name="questionId" value={questionId} />
      <ForecastFormStatus state={state} showSuccess={!clientErrors} />

      {binary ? (
        <div className="field">
          <label htmlFor="forecast-percent">Probability (%)</label>
          <div className="row" style={{ alignItems: "center" }}>
            <input
              id="forecast-percent"
              name="percent"
              type="number"
              inputMode="decimal"
              min={MIN_PERCENT}
              max={MAX_PERCENT}
              step={0.1}
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              aria-invalid={errors.percent ? true : undefined}
              aria-describedby={describedBy("percent", "forecast-percent-hint")}
              style={{ maxWidth: "8rem" }}
            />
            <label htmlFor="forecast-slider" className="sr-only">
              Probability slider
            </label>
            <input
              id="forecast-slider"
              type="range"
              min={MIN_PERCENT}
              max={MAX_PERCENT}
              step={0.1}
              value={Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, sliderValue))}
              onChange={(e) => setPercent(e.target.value)}
              aria-valuetext={`${percent}%`}
              style={{ flex: "1 1 12rem" }}
            />
          </div>
          <p className="field-hint" id="forecast-percent-hint">
            Your probability that the answer is Yes, from {MIN_PERCENT}% to {MAX_PERCENT}% (one decimal).
          </p>
          <FieldError id="percent-error" errors={errors.percent} />
        </div>
      ) : (
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Probability of each scenario (%)</legend>
          {options.map((label, i) => (
            <div className="field" key={i}>
              <label htmlFor={`scenario-${i}`}>{label}</label>
              <input
                id={`scenario-${i}`}
                name="scenarioPercent"
                type="number"
                inputMode="decimal"
                min={MIN_PERCENT}
                max={MAX_PERCENT}
                step={0.1}
                value={percents[i] ?? ""}
                onChange={(e) => setPercents((prev) => prev.map((p, j) => (j === i ? e.target.value : p)))}
                aria-invalid={errors[`percents.${i}`] ? true : undefined}
                aria-describedby={describedBy(`percents.${i}`)}
                style={{ maxWidth: "8rem" }}
              />
              <FieldError id={`percents-${i}-error`} errors={errors[`percents.${i}`]} />
            </div>
          ))}
          <div className="row" style={{ alignItems: "center" }}>
            <p aria-live="polite" data-testid="scenario-total" style={{ margin: 0 }}>
              Total: <strong>{percentDigits(total, 2)}%</strong>
              {Math.abs(total - 100) > 0.05 + 1e-9 ? <span className="muted"> (must be 100%)</span> : null}
            </p>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                const normalised = normaliseScenarioPercents(percents.map(Number));
                if (normalised) setPercents(normalised.map(String));
              }}
            >
              Normalise to 100%
            </button>
          </div>
          <FieldError id="total-error" errors={errors.total} />
          <FieldError id="percents-error" errors={errors.percents} />
        </fieldset>
      )}

      <RationaleField value={rationale} onChange={setRationale} error={errors.rationale} />
      <FieldError id="questionId-error" errors={errors.questionId ?? errors.kind ?? errors.form} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Submit forecast
      </button>
      {pending ? <span className="muted small"> Saving…</span> : null}
    </form>
  );
}
