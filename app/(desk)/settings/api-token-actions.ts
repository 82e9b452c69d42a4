"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { getDb, type Db } from "@/db/client";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { listBots } from "@/db/queries/bots";
import { createApiTokenInput, revokeApiTokenInput, type ApiTokenFormState } from "@/lib/validation/api-token";


/** The account a token form acts on: the viewer, or a bot the viewer owns. Null when not allowed. */
function tokenOwner(db: Db, viewerId: string, forUser: string | undefined): string | null {
  if (!forUser || forUser === viewerId) return viewerId;
  return listBots(db).some((b) => b.userId === forUser && b.owner?.id === viewerId) ? forUser : null;
}

/** Creates a token for the viewer (or a bot they own) and returns it once. */
export async function createApiTokenAction(_prev: ApiTokenFormState, form: FormData): Promise<ApiTokenFormState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to manage API tokens.", fieldErrors: {} };
  const parsed = createApiTokenInput.safeParse({ name: form.get("name"), forUser: form.get("forUser") });
  if (!parsed.success) return { ok: false, fieldErrors: { name: parsed.error.issues.find((i) => i.path[0] === "name")?.message }, message: parsed.error.issues.find((i) => i.path[0] !== "name")?.message };
  const db = getDb();
  const userId = tokenOwner(db, viewer.id, parsed.data.forUser);
  if (!userId) return { ok: false, message: "You can create tokens only for yourself and for bots you own.", fieldErrors: {} };
  const { token } = createApiToken(db, { userId, name: parsed.data.name, now: Date.now() });
  revalidatePath("/settings");
  return { ok: true, message: `Token "${parsed.data.name}" created. Copy it now: it will not be shown again.`, token };
}

/** Revokes one of the viewer's tokens (or of a bot they own); it stops working at once. */
export async function revokeApiTokenAction(_prev: ApiTokenFormState, form: FormData): Promise<ApiTokenFormState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to manage API tokens.", fieldErrors: {} };
  const parsed = revokeApiTokenInput.safeParse({ tokenId: form.get("tokenId"), forUser: form.get("forUser") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, fieldErrors: {} };
  const db = getDb();
  const userId = tokenOwner(db, viewer.id, parsed.data.forUser);
  if (!userId || !revokeApiToken(db, { userId, tokenId: parsed.data.tokenId, now: Date.now() }))
    return { ok: false, message: "No such live token.", fieldErrors: {} };
  revalidatePath("/settings");
  return { ok: true, message: "Token revoked." };
}
