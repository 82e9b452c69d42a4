"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { markBot, setCrowdIncludesBots, unmarkBot } from "@/db/queries/bots";
import { crowdIncludesBotsInput, markBotInput, unmarkBotInput } from "@/lib/validation/bot";

export type BotFormState = { ok: true; message: string } | { ok: false; message: string; field?: "model" | "ownerId" | "userId" } | null;

function revalidateCrowds() {
  // The crowd people see depends on who is a bot.
  revalidatePath("/users");
  revalidatePath("/questions");
  revalidatePath("/leaderboard");
  revalidatePath("/crowd");
}

/** Marks an account as a bot with its model and owner (admins only). */
export async function markBotAction(_prev: BotFormState, form: FormData): Promise<BotFormState> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, message: "Only admins can mark bots." };
  const parsed = markBotInput.safeParse({ userId: form.get("userId"), model: form.get("model"), ownerId: form.get("ownerId") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: issue.message, field: issue.path[0] as "model" | "ownerId" | "userId" };
  }
  const result = markBot(getDb(), { ...parsed.data, ownerId: parsed.data.ownerId ?? null, actorId: viewer.id, now: Date.now() });
  if (!result.ok) return { ok: false, message: result.reason, field: result.field };
  revalidateCrowds();
  return { ok: true, message: "Marked as a bot." };
}

export async function unmarkBotAction(_prev: BotFormState, form: FormData): Promise<BotFormState> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, message: "Only admins can change bots." };
  const parsed = unmarkBotInput.safeParse({ userId: form.get("userId") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  if (!unmarkBot(getDb(), { userId: parsed.data.userId, actorId: viewer.id })) return { ok: false, message: "This account is not a bot." };
  revalidateCrowds();
  return { ok: true, message: "No longer a bot." };
}

/** The desk's switch: does the crowd people see count bots? */
export async function setCrowdIncludesBotsAction(_prev: BotFormState, form: FormData): Promise<BotFormState> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, message: "Only admins can change this." };
  const parsed = crowdIncludesBotsInput.safeParse({ include: form.get("include") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  setCrowdIncludesBots(getDb(), parsed.data.include === "yes", Date.now());
  revalidateCrowds();
  return { ok: true, message: parsed.data.include === "yes" ? "The crowd now counts bots." : "The crowd now counts people only." };
}
