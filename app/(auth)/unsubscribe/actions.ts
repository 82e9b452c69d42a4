"use server";

import { redirect } from "next/navigation";
import { ensureAuthSecret } from "@/app/_auth/auth-secret";
import { databasePath, getDb } from "@/db/client";
import { turnOffEmail } from "@/db/queries/user-settings";
import { isUnsubscribeToken } from "@/jobs/mail";

/** Turns e-mail off for the user the signed link names; no sign-in needed (the HMAC token is the proof). */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const user = String(form.get("user") ?? "");
  const token = String(form.get("token") ?? "");
  if (!user || !token || !isUnsubscribeToken(ensureAuthSecret(databasePath()), user, token))
    redirect("/unsubscribe?invalid=1");
  turnOffEmail(getDb(), user);
  redirect("/unsubscribe?done=1");
}
