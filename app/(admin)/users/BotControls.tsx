"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/FieldError";
import { markBotAction, setCrowdIncludesBotsAction, unmarkBotAction, type BotFormState } from "./bot-actions";

function Result({ state }: { state: BotFormState }) {
  if (!state) return null;
  return (
    <span className={state.ok ? "small" : "field-error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </span>
  );
}

/** "Mark as bot": the model or script it runs and the person who owns it. */
export function MarkBotForm({ userId, userName, owners }: { userId: string; userName: string; owners: ReadonlyArray<{ id: string; name: string }> }) {
  const [state, action, pending] = useActionState(markBotAction, null);
  const modelError = state && !state.ok && state.field === "model" ? state.message : undefined;
  return (
    <details>
      <summary>Mark as bot</summary>
      <form action={action} className="stack" aria-label={`Mark ${userName} as a bot`} noValidate>
        <input type="hidden" name="userId" value={userId} />
        <div className="field">
          <label htmlFor={`bot-model-${userId}`}>Model or script</label>
          <input id={`bot-model-${userId}`} name="model" maxLength={200} aria-invalid={modelError ? true : undefined} aria-describedby={modelError ? `bot-model-${userId}-error` : undefined} />
          <FieldError id={`bot-model-${userId}-error`} errors={modelError} />
        </div>
        <div className="field">
          <label htmlFor={`bot-owner-${userId}`}>Owner</label>
          <select id={`bot-owner-${userId}`} name="ownerId" defaultValue="">
            <option value="">nobody</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="row">
          <button type="submit" className="btn btn-small" disabled={pending}>
            Mark as bot
          </button>
          {state?.ok || state?.field !== "model" ? <Result state={state} /> : null}
        </div>
      </form>
    </details>
  );
}

export function UnmarkBotButton({ userId, userName }: { userId: string; userName: string }) {
  const [state, action, pending] = useActionState(unmarkBotAction, null);
  return (
    <form action={action} className="row">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="btn btn-small" disabled={pending} aria-label={`${userName} is not a bot`}>
        Not a bot
      </button>
      <Result state={state} />
    </form>
  );
}

/** The desk-wide switch: whether the crowd forecast people see counts bots' forecasts. */
export function CrowdIncludesBotsForm({ include }: { include: boolean }) {
  const [state, action, pending] = useActionState(setCrowdIncludesBotsAction, null);
  return (
    <form action={action} className="card row" aria-label="Bots in the crowd" style={{ flexWrap: "wrap", gap: "0.75rem" }}>
      <p style={{ margin: 0 }}>
        The crowd forecast people see counts <strong>{include ? "people and bots" : "people only"}</strong>.
      </p>
      <input type="hidden" name="include" value={include ? "no" : "yes"} />
      <button type="submit" className="btn btn-small" disabled={pending}>
        {include ? "Count people only" : "Count bots too"}
      </button>
      <Result state={state} />
    </form>
  );
}
