"use client";

import { useActionState } from "react";
import { DateTimeField, TimeZoneField } from "@/components/ui/DateTimeField";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FieldError } from "@/components/ui/FieldError";
import type { ResolutionFormState } from "../resolve-actions";

type Action = (prev: ResolutionFormState, form: FormData) => Promise<ResolutionFormState>;

/** A numeric or date question's outcome field: its kind, unit, range (as the hint says it) and current value. */
export interface ValueField {
  type: "numeric" | "date";
  unit: string;
  /** "Range 0 to 28; the upper bound is closed." */
  hint: string;
  /** The current value as the input writes it (a number, or YYYY-MM-DD), null when none. */
  current: string | null;
}

/**
 * Admin form: outcome radios (Yes/No, or one per scenario) or, on a numeric or date question, the value
 * (a number with its unit; a date), Evidence, Resolve time (may be
 * backdated; default now), "Resolve" (or "Correct resolution") and a separate "Annul question".
 */
export function ResolutionForm({
  action,
  options,
  binary,
  current,
  defaultResolveTime,
  stamp,
  valueField,
}: {
  action: Action;
  valueField?: ValueField;
  options: readonly string[];
  binary: boolean;
  current: { option: number | null; evidence: string; resolveTime: number } | null;
  defaultResolveTime: number;
  /** recordedAt of the current resolution (null when none): a success notice shows only while it is current. */
  stamp: number | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const v = failed?.values;
  const choices = binary
    ? [
        { value: "1", label: "Yes" },
        { value: "0", label: "No" },
      ]
    : options.map((label, i) => ({ value: String(i), label }));
  const checkedValue = v ? v.outcome : current?.option != null ? String(current.option) : undefined;
  return (
    <form action={formAction} noValidate aria-label={current ? "Correct resolution" : "Resolve question"}>
      {state?.ok && state.stamp === stamp ? (
        <p className="notice notice-success" role="status">
          {state.message}
        </p>
      ) : null}
      {failed?.message ? (
        <p className="form-error" role="alert">
          {failed.message}
        </p>
      ) : null}
      {errors.intent ? (
        <p className="form-error" role="alert">
          {errors.intent.join(" ")}
        </p>
      ) : null}
      <TimeZoneField />
      {valueField ? (
        <div className="field">
          <label htmlFor="value">{valueField.type === "date" ? "Date it happened (UTC)" : `Value${valueField.unit ? ` (${valueField.unit})` : ""}`}</label>
          <input id="value" name="value" type={valueField.type === "date" && !(v?.value ?? valueField.current ?? "").includes("T") ? "date" : "text"}
              inputMode={valueField.type === "numeric" ? "decimal" : undefined} defaultValue={v ? v.value : (valueField.current ?? "")}
              key={`v${state?.seq}`} aria-invalid={errors.value ? true : undefined}
              aria-describedby={errors.value ? "value-error value-hint" : "value-hint"} />
          <span className="field-hint" id="value-hint">{valueField.hint}</span>
          <FieldError id="value-error" errors={errors.value} />
        </div>
      ) : (
        <fieldset className="field" aria-describedby={errors.outcome ? "outcome-error" : undefined} key={`o${state?.seq}`}>
          <legend>Outcome</legend>
          {choices.map((c) => (
            <label className="checkbox" key={c.value}>
              <input type="radio" name="outcome" value={c.value} defaultChecked={checkedValue === c.value} />
              {c.label}
            </label>
          ))}
          <FieldError id="outcome-error" errors={errors.outcome} />
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="evidence">Evidence</label>
        <textarea
          id="evidence"
          name="evidence"
          rows={3}
          maxLength={5000}
          defaultValue={v ? v.evidence : (current?.evidence ?? "")}
          key={`e${state?.seq}`}
          aria-invalid={errors.evidence ? true : undefined}
          aria-describedby={errors.evidence ? "evidence-error evidence-hint" : "evidence-hint"}
        />
        <span className="field-hint" id="evidence-hint">
          A link or a note on what settled it; to annul, the reason (required). Up to 5,000 characters.
        </span>
        <FieldError id="evidence-error" errors={errors.evidence} />
      </div>
      <DateTimeField
        id="resolveTime"
        name="resolveTime"
        label="Resolve time"
        required
        defaultMs={current?.resolveTime ?? defaultResolveTime}
        submitted={v?.resolveTime}
        errors={errors.resolveTime}
        hint="When the outcome became known, in your local time. May be backdated; must be after the open time."
      />
      <div className="row">
        <button type="submit" name="intent" value="resolve" className="btn btn-primary" disabled={pending}>
          {current ? "Correct resolution" : "Resolve"}
        </button>
        <ConfirmButton
          label="Annul question"
          confirmLabel="Yes, annul it"
          question="Annul this question? Nobody is scored on it; the reason in Evidence goes to the audit log."
          name="intent"
          value="annul"
          disabled={pending}
        />
      </div>
    </form>
  );
}

/** Admin: undo the current resolution (the question becomes unresolved again; the audit keeps it). */
export function UndoResolutionForm({ action }: { action: (prev: ResolutionFormState) => Promise<ResolutionFormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {state && !state.ok && state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <ConfirmButton
        label="Undo resolution"
        confirmLabel="Yes, undo it"
        question="Undo this resolution? The question becomes unresolved again and its scores disappear."
        disabled={pending}
      />
    </form>
  );
}
