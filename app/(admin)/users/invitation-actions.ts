"use server";

import { revalidatePath } from "next/cache";
import { authBaseURL } from "@/app/_auth/auth";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { invitationInput, revokeInvitationInput } from "@/lib/validation/user";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

const DAY_MS = 86_400_000;

export type InvitationState =
  | { ok: true; link: string; expiresAt: number }
  | { ok: false; fieldErrors: Partial<Record<"note" | "days", string>>; message?: string }
  | null;

/** Admins: a new single-use invitation link, shown once. */
export async function createInvitationAction(_prev: InvitationState, form: FormData): Promise<InvitationState> {
  if (!isFormData(form)) return { ok: false, fieldErrors: {}, message: BAD_FORM };
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, fieldErrors: {}, message: "Only admins can invite." };
  const parsed = invitationInput.safeParse({ note: form.get("note") ?? undefined, days: form.get("days") });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"note" | "days", string>> = {};
    for (const i of parsed.error.issues) {
      const key = i.path[0];
      if ((key === "note" || key === "days") && !fieldErrors[key]) fieldErrors[key] = i.message;
    }
    return { ok: false, fieldErrors };
  }
  const invitation = createInvitation(getDb(), {
    createdBy: viewer.id,
    note: parsed.data.note,
    validForMs: parsed.data.days * DAY_MS,
    now: Date.now(),
  });
  revalidatePath("/users");
  const link = new URL("/signup", authBaseURL());
  link.searchParams.set("invitation", invitation.token);
  return { ok: true, link: link.toString(), expiresAt: invitation.expiresAt };
}

export type RevokeState = { ok: boolean; message: string } | null;

/** Admins: revoke a pending invitation. */
export async function revokeInvitationAction(_prev: RevokeState, form: FormData): Promise<RevokeState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM };
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, message: "Only admins can revoke invitations." };
  const parsed = revokeInvitationInput.safeParse({ invitationId: form.get("invitationId") });
  if (!parsed.success) return { ok: false, message: "Invitation is required" };
  if (!revokeInvitation(getDb(), parsed.data.invitationId, Date.now()))
    return { ok: false, message: "That invitation was already used, revoked or never existed." };
  revalidatePath("/users");
  return { ok: true, message: "Revoked." };
}
