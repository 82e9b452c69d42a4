import type { Metadata } from "next";
import Link from "next/link";
import { ensureAuthSecret } from "@/app/_auth/auth-secret";
import { databasePath, getDb } from "@/db/client";
import { findUserName } from "@/db/queries/notifications";
import { isUnsubscribeToken } from "@/jobs/mail";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The link at the foot of every e-mail: works without signing in (and on a private desk). Opening it
 * changes nothing (mail scanners open links); the button turns e-mail off.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  if (one(raw.done) === "1")
    return (
      <>
        <h1>Unsubscribed</h1>
        <p data-testid="unsubscribed">You will get no more e-mail from this desk. Your inbox on the desk still fills; you can turn e-mail back on in <Link href="/settings">Settings</Link>.</p>
      </>
    );
  const user = one(raw.user);
  const token = one(raw.token);
  const valid = user !== "" && token !== "" && isUnsubscribeToken(ensureAuthSecret(databasePath()), user, token);
  const name = valid ? findUserName(getDb(), user) : null;
  if (!valid || name === null || one(raw.invalid) === "1")
    return (
      <>
        <h1>Unsubscribe</h1>
        <p className="form-error" role="alert">
          This unsubscribe link is not valid. Use the link from your latest e-mail, or change e-mail in{" "}
          <Link href="/settings">Settings</Link> after signing in.
        </p>
      </>
    );
  return (
    <>
      <h1>Unsubscribe</h1>
      <p>Stop all e-mail from Forecast Desk to {name}? Notifications still appear in the inbox on the desk.</p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="user" value={user} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="btn btn-primary">
          Unsubscribe from e-mail
        </button>
      </form>
    </>
  );
}
