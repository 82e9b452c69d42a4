"use client";

import { useActionState } from "react";
import { LocalTime } from "@/components/forecast/LocalTime";
import { FieldError } from "@/components/ui/FieldError";
import { Table } from "@/components/ui/Table";
import type { InvitationListing } from "@/db/queries/invitations";
import { createInvitationAction, revokeInvitationAction } from "./invitation-actions";

/** The Users page's invitations: a form that makes a single-use link (shown once) and the list of links. */
export function Invitations({ invitations, maxDays }: { invitations: InvitationListing[]; maxDays: number }) {
  const [state, formAction, pending] = useActionState(createInvitationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <section className="stack" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <form action={formAction} className="card" noValidate aria-label="Invite someone">
        {state && !state.ok && state.message ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="invite-note">For (optional)</label>
          <input id="invite-note" name="note" type="text" maxLength={100} aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? "invite-note-error" : undefined} />
          <FieldError id="invite-note-error" errors={errors.note} />
        </div>
        <div className="field">
          <label htmlFor="invite-days">Valid for (days)</label>
          <input id="invite-days" name="days" type="text" inputMode="numeric" defaultValue="7" aria-invalid={errors.days ? true : undefined} aria-describedby={errors.days ? "invite-days-error" : "invite-days-hint"} />
          <span className="field-hint" id="invite-days-hint">1 to {maxDays}. Each link signs up one person, once.</span>
          <FieldError id="invite-days-error" errors={errors.days} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Create invitation link
        </button>
        {state?.ok ? (
          <p role="status">
            Send this link (shown only now):{" "}
            <input readOnly aria-label="Invitation link" value={state.link} size={60} onFocus={(e) => e.currentTarget.select()} />
          </p>
        ) : null}
      </form>
      <Table testId="invitation-list" columns={[{ label: "For" }, { label: "Created" }, { label: "Expires" }, { label: "Status" }, { label: "Action" }]}>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{i.note || <span className="muted">—</span>}</td>
            <td className="small"><LocalTime ms={i.createdAt} style="date" /></td>
            <td className="small"><LocalTime ms={i.expiresAt} style="date" /></td>
            <td>{i.status === "used" ? `used by ${i.usedByEmail ?? "?"}` : i.status}</td>
            <td>{i.status === "pending" ? <RevokeButton id={i.id} note={i.note} /> : null}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function RevokeButton({ id, note }: { id: string; note: string }) {
  const [state, formAction, pending] = useActionState(revokeInvitationAction, null);
  return (
    <form action={formAction} className="row">
      <input type="hidden" name="invitationId" value={id} />
      <button type="submit" className="btn btn-small btn-danger" disabled={pending} aria-label={`Revoke invitation${note ? ` for ${note}` : ""}`}>
        Revoke
      </button>
      {state ? <span className={state.ok ? "small" : "field-error"} role={state.ok ? "status" : "alert"}>{state.message}</span> : null}
    </form>
  );
}
