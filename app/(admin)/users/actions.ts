"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { setUserRole } from "@/db/queries/users";
import { setRoleInput } from "@/lib/validation/user";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

export type RoleChangeState = { ok: boolean; message: string } | null;

/** Promote to admin or demote to analyst (admins only; the last admin stays). */
export async function setRoleAction(_prev: RoleChangeState, form: FormData): Promise<RoleChangeState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM };
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return { ok: false, message: "Only admins can change roles." };
  const parsed = setRoleInput.safeParse({ userId: form.get("userId"), role: form.get("role") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join("; ") };
  const result = setUserRole(getDb(), parsed.data.userId, parsed.data.role);
  if (!result.ok) return { ok: false, message: result.reason };
  revalidatePath("/users");
  return { ok: true, message: `${result.user.name} is now ${result.user.role === "admin" ? "an admin" : "an analyst"}.` };
}
