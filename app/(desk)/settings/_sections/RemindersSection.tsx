"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/FieldError";
import type { EmailMode } from "@/lib/validation/user-settings";
import { saveRemindersAction } from "../actions";

const MODES: ReadonlyArray<{ value: EmailMode; label: string }> = [
  { value: "digest", label: "A daily digest (default)" },
  { value: "immediate", label: "One e-mail per notification" },
  { value: "off", label: "No e-mail (the inbox only)" },
];

/** Settings section: when a forecast needs an update, and how notifications arrive by e-mail. */
export function RemindersSection({
  staleAfterDays,
  emailMode,
  mailConfigured,
}: {
  staleAfterDays: number;
  emailMode: EmailMode;
  mailConfigured: boolean;
}) {
  const [state, action, pending] = useActionState(saveRemindersAction, null);
  const v = state?.values;
  const errors = state?.fieldErrors ?? {};
  const mode = (v?.emailMode as EmailMode | undefined) ?? emailMode;
  return (
    <section className="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders and e-mail</h2>
      <form action={action} noValidate aria-label="Reminders and e-mail">
        {state?.message ? (
          <p className={state.ok ? "notice" : "form-error"} role={state.ok ? "status" : "alert"}>
            {state.message}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="staleAfterDays">Needs update after (days)</label>
          <input id="staleAfterDays" name="staleAfterDays" type="number" min={1} max={365} step={1} required
            defaultValue={v?.staleAfterDays ?? String(staleAfterDays)} key={`d${state?.seq}`}
            aria-invalid={errors.staleAfterDays ? true : undefined}
            aria-describedby={["staleAfterDays-hint", errors.staleAfterDays ? "staleAfterDays-error" : null].filter(Boolean).join(" ")} />
          <span className="field-hint" id="staleAfterDays-hint">
            Your forecast on an open question needs an update once it is older than this, or once the crowd has moved more
            than 10 points since you made it.
          </span>
          <FieldError id="staleAfterDays-error" errors={errors.staleAfterDays} />
        </div>
        <fieldset className="field" aria-describedby={mailConfigured ? undefined : "email-hint"}>
          <legend>E-mail</legend>
          {MODES.map((m) => (
            <label className="checkbox" key={m.value}>
              <input type="radio" name="emailMode" value={m.value} defaultChecked={mode === m.value} key={`${m.value}${state?.seq}`} />
              {m.label}
            </label>
          ))}
          {mailConfigured ? null : (
            <span className="field-hint" id="email-hint">
              This desk has no mail server configured (SMTP_URL), so nothing is e-mailed yet; the inbox works regardless.
            </span>
          )}
          <FieldError id="emailMode-error" errors={errors.emailMode} />
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Save
        </button>
      </form>
    </section>
  );
}
