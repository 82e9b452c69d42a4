"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { getAuth } from "@/app/_auth/auth";
import { isDeskPrivate } from "@/app/_auth/desk-privacy";
import { safeRedirectPath, signInInput, signUpInput } from "@/lib/validation/user";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

export type AuthFormState = {
  ok: false;
  fieldErrors: Partial<Record<"name" | "email" | "password", string[]>>;
  message?: string;
  values: { name?: string; email?: string };
} | null;

export async function signUp(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  if (!isFormData(form)) return { ok: false, fieldErrors: {}, message: BAD_FORM, values: {} };
  const raw = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
  const values = { name: String(raw.name ?? ""), email: String(raw.email ?? "") };
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const invitation = form.get("invitation");
    await getAuth().api.signUpEmail({
      body: { ...parsed.data, ...(typeof invitation === "string" ? { invitation } : {}) },
      headers: await headers(),
    });
  } catch (e) {
    if (e instanceof APIError && String(e.body?.code).startsWith("USER_ALREADY_EXISTS"))
      return { ok: false, fieldErrors: { email: ["An account with this email already exists"] }, values };
    if (e instanceof APIError) return { ok: false, fieldErrors: {}, message: e.body?.message ?? "Sign-up failed", values };
    throw e;
  }
  redirect(safeRedirectPath(form.get("next")));
}

export async function signIn(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  if (!isFormData(form)) return { ok: false, fieldErrors: {}, message: BAD_FORM, values: {} };
  const raw = { email: form.get("email"), password: form.get("password") };
  const values = { email: String(raw.email ?? "") };
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await getAuth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (e) {
    if (e instanceof APIError && e.statusCode === 429)
      return { ok: false, fieldErrors: {}, message: e.body?.message ?? "Too many failed sign-ins. Try again later.", values };
    if (e instanceof APIError) return { ok: false, fieldErrors: {}, message: "Email or password is incorrect", values };
    throw e;
  }
  redirect(safeRedirectPath(form.get("next")));
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect(isDeskPrivate() ? "/signin" : "/questions");
}
