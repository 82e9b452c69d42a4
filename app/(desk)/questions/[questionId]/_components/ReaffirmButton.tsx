"use client";

import { useActionState } from "react";
import { reaffirmForecastAction, type ReaffirmState } from "../actions";

/** "Reaffirm": my standing forecast recorded again now, in one click; the result is announced beside it. */
export function ReaffirmButton({ questionId, label = "Reaffirm" }: { questionId: string; label?: string }) {
  const [state, action, pending] = useActionState<ReaffirmState, FormData>(() => reaffirmForecastAction(questionId), null);
  return (
    <form action={action} className="row" style={{ gap: "0.4rem", display: "inline-flex" }}>
      <button type="submit" className="btn btn-small" disabled={pending} aria-describedby={`reaffirm-${questionId}`}>
        {label}
      </button>
      <span id={`reaffirm-${questionId}`} role="status" className={state?.ok === false ? "field-error" : "small muted"}>
        {state?.message ?? ""}
      </span>
    </form>
  );
}
