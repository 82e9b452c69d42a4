"use client";

import { useActionState, useState } from "react";
import { DateTimeField, TimeZoneField } from "@/components/ui/DateTimeField";
import { FieldError } from "@/components/ui/FieldError";
import type { QuestionFormState } from "../actions";

export interface QuestionFormDefaults {
  title: string;
  description: string;
  resolutionCriteria: string;
  tags: string;
  openTime: number | null;
  closeTime: number | null;
  /** YYYY-MM-DD or "" */
  resolveBy: string;
  type: "binary" | "multiple_choice" | "numeric" | "date";
  scenarios: string;
  /** Numeric and date questions: numbers as text (numeric) or dates YYYY-MM-DD (date). */
  unit: string;
  rangeMin: string;
  rangeMax: string;
  logScale: boolean;
  zeroPoint: string;
  openLowerBound: boolean;
  openUpperBound: boolean;
  hideCrowdUntilForecast: boolean;
  isDraft: boolean;
}

/**
 * Create and edit a question (admin), or propose one (analyst: `proposing`, always a draft, so no Draft box).
 * `lockedType`: forecasts exist, so type, scenarios and scale are fixed.
 */
export function QuestionForm({
  action,
  defaults,
  submitLabel,
  lockedType = false,
  proposing = false,
}: {
  action: (prev: QuestionFormState, form: FormData) => Promise<QuestionFormState>;
  defaults: QuestionFormDefaults;
  submitLabel: string;
  lockedType?: boolean;
  proposing?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const v = state?.values ?? null;
  const errors = state?.fieldErrors ?? {};
  // The type picked, kept across failed submits: React resets the form after an action, which put the
  // radios back to their first default while the scenario box stayed (issue: scenarios dropped on resubmit).
  // The radios are uncontrolled and re-mount with the submitted type on every result (key = seq).
  const [type, setType] = useState(v?.type ?? defaults.type);
  const shownType = (v?.type as QuestionFormDefaults["type"] | undefined) ?? type;
  const text = (key: keyof QuestionFormDefaults & string) => (v ? (v[key] ?? "") : String(defaults[key] ?? ""));
  const described = (key: string, hint?: boolean) =>
    [errors[key as keyof typeof errors] ? `${key}-error` : null, hint ? `${key}-hint` : null].filter(Boolean).join(" ") ||
    undefined;
  const invalid = (key: string) => (errors[key as keyof typeof errors] ? true : undefined);
  const flag = (key: "logScale" | "openLowerBound" | "openUpperBound") => (v ? v[key] === "on" : defaults[key]);
  // The log-scale box shows or hides the zero point; kept like the type across failed submits.
  const [logScale, setLogScale] = useState(flag("logScale"));
  const continuous = type === "numeric" || type === "date";
  // A date question's range is picked as dates; an imported range that is not at 00:00 UTC is shown as its instant.
  const rangeInput = (key: "rangeMin" | "rangeMax") => (type === "date" && !text(key).includes("T") ? "date" : "text");

  return (
    <form action={formAction} className="card" noValidate aria-label={submitLabel}>
      {state?.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <TimeZoneField />
      <div className="field">
        <label htmlFor="title">Title</label>
        <input id="title" name="title" type="text" required maxLength={200} defaultValue={text("title")} key={`t${state?.seq}`}
          aria-invalid={invalid("title")} aria-describedby={described("title")} />
        <FieldError id="title-error" errors={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="description">Description</label>
        <textarea id="description" name="description" rows={5} defaultValue={text("description")} key={`d${state?.seq}`}
          aria-invalid={invalid("description")} aria-describedby={described("description")} />
        <FieldError id="description-error" errors={errors.description} />
      </div>
      <div className="field">
        <label htmlFor="resolutionCriteria">Resolution criteria</label>
        <textarea id="resolutionCriteria" name="resolutionCriteria" rows={4} defaultValue={text("resolutionCriteria")} key={`c${state?.seq}`}
          aria-invalid={invalid("resolutionCriteria")} aria-describedby={described("resolutionCriteria")} />
        <FieldError id="resolutionCriteria-error" errors={errors.resolutionCriteria} />
      </div>
      <div className="field">
        <label htmlFor="tags">Tags</label>
        <input id="tags" name="tags" type="text" defaultValue={text("tags")} key={`g${state?.seq}`}
          aria-invalid={invalid("tags")} aria-describedby={described("tags", true)} />
        <span className="field-hint" id="tags-hint">Comma-separated, e.g. “gas, Union State”.</span>
        <FieldError id="tags-error" errors={errors.tags} />
      </div>
      <div className="grid-3">
        <DateTimeField id="openTime" name="openTime" label="Open time" required errors={errors.openTime}
          defaultMs={defaults.openTime} submitted={v?.openTime} />
        <DateTimeField id="closeTime" name="closeTime" label="Close time" required errors={errors.closeTime}
          defaultMs={defaults.closeTime} submitted={v?.closeTime} hint="Forecasting stops at this time." />
        <div className="field">
          <label htmlFor="resolveBy">Resolve-by date</label>
          <input id="resolveBy" name="resolveBy" type="date" defaultValue={text("resolveBy")} key={`r${state?.seq}`}
            aria-invalid={invalid("resolveBy")} aria-describedby={described("resolveBy", true)} />
          <span className="field-hint" id="resolveBy-hint">Optional. The end of that day (UTC) is the deadline.</span>
          <FieldError id="resolveBy-error" errors={errors.resolveBy} />
        </div>
      </div>
      <fieldset className="field" disabled={lockedType} aria-describedby={lockedType ? "type-locked" : undefined}>
        <legend>Type</legend>
        <label className="checkbox">
          <input type="radio" name="type" value="binary" defaultChecked={shownType === "binary"} key={`tb${state?.seq}`}
            onChange={() => setType("binary")} />
          Binary (Yes/No)
        </label>
        <label className="checkbox">
          <input type="radio" name="type" value="multiple_choice" defaultChecked={shownType === "multiple_choice"}
            key={`tm${state?.seq}`} onChange={() => setType("multiple_choice")} />
          Scenario set
        </label>
        <label className="checkbox">
          <input type="radio" name="type" value="numeric" defaultChecked={shownType === "numeric"} key={`tn${state?.seq}`}
            onChange={() => setType("numeric")} />
          Numeric (a quantity)
        </label>
        <label className="checkbox">
          <input type="radio" name="type" value="date" defaultChecked={shownType === "date"} key={`td${state?.seq}`}
            onChange={() => setType("date")} />
          Date (when)
        </label>
        {lockedType ? (
          <span className="field-hint" id="type-locked">Forecasts exist, so the type, scenarios and scale can no longer change.</span>
        ) : null}
        <FieldError id="type-error" errors={errors.type} />
      </fieldset>
      {lockedType ? <input type="hidden" name="type" value={type} /> : null}
      {type === "multiple_choice" ? (
        <div className="field">
          <label htmlFor="scenarios">Scenarios</label>
          <textarea id="scenarios" name="scenarios" rows={5} defaultValue={text("scenarios")} key={`s${state?.seq}`}
            readOnly={lockedType} aria-invalid={invalid("scenarios")} aria-describedby={described("scenarios", true)} />
          <span className="field-hint" id="scenarios-hint">One per line; at least 2, unique names.</span>
          <FieldError id="scenarios-error" errors={errors.scenarios} />
        </div>
      ) : null}
      {continuous ? (
        <fieldset className="field" aria-describedby="scale-hint" data-testid="scale-fields">
          <legend>Scale</legend>
          <span className="field-hint" id="scale-hint">
            {type === "numeric"
              ? "Forecasts are distributions over this range. A log scale suits prices and counts that span orders of magnitude."
              : "Forecasts are distributions over these dates (UTC)."}
          </span>
          {type === "numeric" ? (
            <div className="field">
              <label htmlFor="unit">Unit</label>
              <input id="unit" name="unit" type="text" maxLength={60} defaultValue={text("unit")} key={`u${state?.seq}`} readOnly={lockedType}
                aria-invalid={invalid("unit")} aria-describedby={described("unit", true)} />
              <span className="field-hint" id="unit-hint">What the number counts or measures, e.g. “USD per 1,000 m³”.</span>
              <FieldError id="unit-error" errors={errors.unit} />
            </div>
          ) : null}
          <div className="grid-3">
            <div className="field">
              <label htmlFor="rangeMin">{type === "date" ? "Earliest date" : "Range minimum"}</label>
              <input id="rangeMin" name="rangeMin" type={rangeInput("rangeMin")} inputMode={type === "numeric" ? "decimal" : undefined} required
                defaultValue={text("rangeMin")} key={`a${state?.seq}${type}`} readOnly={lockedType}
                aria-invalid={invalid("rangeMin")} aria-describedby={described("rangeMin")} />
              <FieldError id="rangeMin-error" errors={errors.rangeMin} />
            </div>
            <div className="field">
              <label htmlFor="rangeMax">{type === "date" ? "Latest date" : "Range maximum"}</label>
              <input id="rangeMax" name="rangeMax" type={rangeInput("rangeMax")} inputMode={type === "numeric" ? "decimal" : undefined} required
                defaultValue={text("rangeMax")} key={`b${state?.seq}${type}`} readOnly={lockedType}
                aria-invalid={invalid("rangeMax")} aria-describedby={described("rangeMax")} />
              <FieldError id="rangeMax-error" errors={errors.rangeMax} />
            </div>
          </div>
          {type === "numeric" ? (
            <div className="field">
              <label className="checkbox" htmlFor="logScale">
                <input id="logScale" name="logScale" type="checkbox" defaultChecked={logScale} key={`l${state?.seq}`} disabled={lockedType}
                  onChange={(e) => setLogScale(e.currentTarget.checked)} aria-describedby={described("logScale")} />
                Logarithmic scale
              </label>
              <FieldError id="logScale-error" errors={errors.logScale} />
              {lockedType && logScale ? <input type="hidden" name="logScale" value="on" /> : null}
            </div>
          ) : null}
          {type === "numeric" && logScale ? (
            <div className="field">
              <label htmlFor="zeroPoint">Zero point</label>
              <input id="zeroPoint" name="zeroPoint" type="text" inputMode="decimal" defaultValue={text("zeroPoint")} key={`z${state?.seq}`}
                readOnly={lockedType} aria-invalid={invalid("zeroPoint")} aria-describedby={described("zeroPoint", true)} />
              <span className="field-hint" id="zeroPoint-hint">
                Outside the range, usually 0: equal steps on the axis are then equal ratios of (value − zero point).
              </span>
              <FieldError id="zeroPoint-error" errors={errors.zeroPoint} />
            </div>
          ) : null}
          <div className="field">
            <label className="checkbox" htmlFor="openLowerBound">
              <input id="openLowerBound" name="openLowerBound" type="checkbox" defaultChecked={flag("openLowerBound")} key={`ol${state?.seq}`}
                disabled={lockedType} />
              Open lower bound: the outcome may fall below the {type === "date" ? "earliest date" : "minimum"}
            </label>
            {lockedType && flag("openLowerBound") ? <input type="hidden" name="openLowerBound" value="on" /> : null}
            <label className="checkbox" htmlFor="openUpperBound">
              <input id="openUpperBound" name="openUpperBound" type="checkbox" defaultChecked={flag("openUpperBound")} key={`ou${state?.seq}`}
                disabled={lockedType} />
              Open upper bound: the outcome may fall above the {type === "date" ? "latest date" : "maximum"}
            </label>
            {lockedType && flag("openUpperBound") ? <input type="hidden" name="openUpperBound" value="on" /> : null}
          </div>
        </fieldset>
      ) : null}
      <div className="field">
        <label className="checkbox" htmlFor="hideCrowdUntilForecast">
          <input id="hideCrowdUntilForecast" name="hideCrowdUntilForecast" type="checkbox"
            defaultChecked={v ? v.hideCrowdUntilForecast === "on" : defaults.hideCrowdUntilForecast} key={`h${state?.seq}`} />
          Hide the crowd forecast until the viewer has forecast
        </label>
        {proposing ? null : (
          <label className="checkbox" htmlFor="isDraft">
            <input id="isDraft" name="isDraft" type="checkbox" defaultChecked={v ? v.isDraft === "on" : defaults.isDraft}
              key={`x${state?.seq}`} />
            Draft (only admins and its proposer see it; no forecasts yet)
          </label>
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
