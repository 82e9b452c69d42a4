"use client";

import { useActionState } from "react";
import { setRoleAction } from "./actions";

/** "Promote to admin" / "Demote to analyst" for one user, with the result shown beside it. */
export function RoleButton({ userId, userName, role }: { userId: string; userName: string; role: "analyst" | "admin" }) {
  const [state, formAction, pending] = useActionState(setRoleAction, null);
  const target = role === "admin" ? "analyst" : "admin";
  return (
    <form action={formAction} className="row">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={target} />
      <button
        type="submit"
        className={`btn btn-small ${target === "analyst" ? "btn-danger" : ""}`}
        disabled={pending}
      >
        {target === "admin" ? "Promote to admin" : "Demote to analyst"}
        {/* the name read out starts with the visible words (WCAG 2.5.3 Label in Name) */}
        <span className="sr-only">: {userName}</span>
      </button>
      {state ? (
        <span className={state.ok ? "small" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
