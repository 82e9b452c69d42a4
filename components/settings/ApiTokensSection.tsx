"use client";

import Link from "next/link";
import { useActionState } from "react";
import { LocalTime } from "@/components/forecast/LocalTime";
import { FieldError } from "@/components/ui/FieldError";
import type { ApiTokenFormState, ApiTokenRow } from "@/lib/validation/api-token";

type Action = (prev: ApiTokenFormState, form: FormData) => Promise<ApiTokenFormState>;

/** One account's tokens: the viewer's own, or a bot's they own (`forUser`). */
export interface TokenHolder {
  forUser: string | null;
  label: string;
  tokens: readonly ApiTokenRow[];
}

function RevokeButton({ tokenId, forUser, name, revoke }: { tokenId: string; forUser: string | null; name: string; revoke: Action }) {
  const [state, action, pending] = useActionState(revoke, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <input type="hidden" name="forUser" value={forUser ?? ""} />
      <button type="submit" className="btn btn-small" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state && !state.ok && state.message ? <span className="field-error" role="alert">{state.message}</span> : null}
    </form>
  );
}

function TokenTable({ holder, revoke }: { holder: TokenHolder; revoke: Action }) {
  if (holder.tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="api-token-table">
        <caption className="sr-only">API tokens of {holder.label}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {holder.tokens.map((t) => (
            <tr key={t.id} data-token-id={t.id}>
              <th scope="row">{t.name}</th>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>
                <LocalTime ms={t.createdAt} />
              </td>
              <td>{t.lastUsedAt === null ? "never" : <LocalTime ms={t.lastUsedAt} />}</td>
              <td>
                {t.revokedAt === null ? (
                  <RevokeButton tokenId={t.id} forUser={holder.forUser} name={t.name} revoke={revoke} />
                ) : (
                  <span className="muted">
                    revoked <LocalTime ms={t.revokedAt} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * API tokens on the Settings page: create one (shown once, then only its first characters), list and
 * revoke. Holders are the viewer and any bots they own. The actions are passed in by the page.
 */
export function ApiTokensSection({ holders, create, revoke }: { holders: readonly TokenHolder[]; create: Action; revoke: Action }) {
  const [state, action, pending] = useActionState(create, null);
  const nameError = state && !state.ok ? state.fieldErrors.name : undefined;
  return (
    <section aria-labelledby="api-tokens-heading" className="card stack" data-testid="api-tokens">
      <h2 id="api-tokens-heading">API tokens</h2>
      <p className="muted small">
        Scripts and bots call the <Link href="/api-docs">API</Link> with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as its
        account, with its role and nothing more. Only a hash is stored: the token is shown once, when you create it.
      </p>
      <form action={action} noValidate aria-label="Create an API token" className="row" style={{ alignItems: "flex-end", gap: "0.75rem", flexWrap: "wrap" }}>
        <div className="field">
          <label htmlFor="api-token-name">Name</label>
          <input
            id="api-token-name"
            name="name"
            maxLength={100}
            placeholder="what it is for, e.g. weekly notebook"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "api-token-name-error" : undefined}
          />
          <FieldError id="api-token-name-error" errors={nameError} />
        </div>
        {holders.length > 1 ? (
          <div className="field">
            <label htmlFor="api-token-for">For</label>
            <select id="api-token-for" name="forUser" defaultValue="">
              {holders.map((h) => (
                <option key={h.forUser ?? ""} value={h.forUser ?? ""}>
                  {h.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {state && !state.ok && state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state?.ok && state.token ? (
        <div className="notice notice-success" role="status" data-testid="new-api-token">
          <p style={{ margin: 0 }}>{state.message}</p>
          <p style={{ margin: "0.5rem 0 0" }}>
            <code style={{ userSelect: "all", wordBreak: "break-all" }} data-testid="new-api-token-value">
              {state.token}
            </code>
          </p>
        </div>
      ) : null}
      {holders.map((h) => (
        <div key={h.forUser ?? ""} className="stack">
          {holders.length > 1 ? <h3>{h.label}</h3> : null}
          <TokenTable holder={h} revoke={revoke} />
        </div>
      ))}
    </section>
  );
}
