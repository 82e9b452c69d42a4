"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { submittedValues } from "@/app/_forms/submitted-values";
import { getDb } from "@/db/client";
import { saveUserSettings } from "@/db/queries/user-settings";
import { userSettingsInput } from "@/lib/validation/user-settings";

export type RemindersFormState = {
  ok: boolean;
  seq: number;
  message?: string;
  fieldErrors: Partial<Record<"staleAfterDays" | "emailMode", string[]>>;
  values: Record<string, string>;
} | null;

/** Saves the "Reminders and e-mail" section (lib/validation/user-settings). */
export async function saveRemindersAction(prev: RemindersFormState, form: FormData): Promise<RemindersFormState> {
  const seq = (prev?.seq ?? 0) + 1;
  const values = submittedValues(form);
  const viewer = await getViewer();
  if (!viewer) return { ok: false, seq, fieldErrors: {}, message: "Sign in to change your settings.", values };
  const parsed = userSettingsInput.safeParse(values);
  if (!parsed.success) return { ok: false, seq, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  saveUserSettings(getDb(), viewer.id, parsed.data);
  revalidatePath("/questions");
  return { ok: true, seq, fieldErrors: {}, message: "Settings saved.", values };
}
