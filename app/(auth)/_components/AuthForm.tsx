"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/FieldError";
import type { AuthFormState } from "../actions";

/** Sign-in and sign-up share one form: Name (sign-up only), Email, Password. */
export function AuthForm({
  mode,
  action,
  next,
  invitation,
  signUpOpen = true,
}: {
  mode: "signin" | "signup";
  action: (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;
  next?: string;
  /** The invitation token of a private desk's sign-up link. */
  invitation?: string;
  /** Sign-in: whether anyone may create an account (false on a private desk, where sign-up is by invitation). */
  signUpOpen?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  const invalid = (f: keyof typeof errors) => (errors[f] ? true : undefined);
  return (
    <form action={formAction} noValidate className="card" aria-label={mode === "signup" ? "Create account" : "Sign in"}>
      {state?.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      {mode === "signup" ? (
        <div className="field">
          <label htmlFor="name">Name</label>
          <input
            id="name"
            name="name"
            type="text"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={state?.values.name}
            aria-invalid={invalid("name")}
            aria-describedby={errors.name ? "name-error" : undefined}
          />
          <FieldError id="name-error" errors={errors.name} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.values.email}
          aria-invalid={invalid("email")}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldError id="email-error" errors={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          required
          aria-invalid={invalid("password")}
          aria-describedby={errors.password ? "password-error" : mode === "signup" ? "password-hint" : undefined}
        />
        {mode === "signup" ? (
          <span className="field-hint" id="password-hint">
            At least 12 characters, and not one of the most common passwords.
          </span>
        ) : null}
        <FieldError id="password-error" errors={errors.password} />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {mode === "signup" ? "Create account" : "Sign in"}
        </button>
        {mode === "signup" ? (
          <span className="muted small">
            Already have an account? <Link href="/signin">Sign in</Link>
          </span>
        ) : signUpOpen ? (
          <span className="muted small">
            New here? <Link href="/signup">Create an account</Link>
          </span>
        ) : (
          <span className="muted small" data-testid="sign-up-by-invitation">
            New here? This desk is private: ask an admin for an invitation link.
          </span>
        )}
      </div>
    </form>
  );
}
