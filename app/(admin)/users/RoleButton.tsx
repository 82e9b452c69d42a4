"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { setRoleAction } from "./actions";

/** "Promote to admin" / "Demote to analyst" for one user, with the result shown beside it. */
export function RoleButton({ userId, userName, role }: { userId: string; userName: string; role: "analyst" | "admin" }) {
  const [state, formAction, pending] = useActionState(setRoleAction, null);
  const target = role === "admin" ? "analyst" : "admin";
  return (
    <form action={formAction} className="row">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={target} />
      <ConfirmButton
        className={`btn btn-small ${target === "analyst" ? "btn-danger" : ""}`}
        disabled={pending}
        // the name read out starts with the visible words (WCAG 2.5.3 Label in Name)
        ariaLabel={`${target === "admin" ? "Promote to admin" : "Demote to analyst"}: ${userName}`}
        label={target === "admin" ? "Promote to admin" : "Demote to analyst"}
        confirmLabel={target === "admin" ? `Yes, make ${userName} an admin` : `Yes, make ${userName} an analyst`}
        question={
          target === "admin"
            ? `Make ${userName} an admin? Admins resolve questions and manage users.`
            : `Make ${userName} an analyst? They lose admin rights at once.`
        }
      />
      {state ? (
        <span className={state.ok ? "small" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
