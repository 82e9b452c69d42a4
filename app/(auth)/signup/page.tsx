import { requestTime } from "@/app/(desk)/request-time";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { INVITATION_REQUIRED, SIGN_UP_CLOSED_NO_ADMIN } from "@/app/_auth/auth";
import { isDeskPrivate } from "@/app/_auth/desk-privacy";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { isInvitationUsable } from "@/db/queries/invitations";
import { adminExists } from "@/db/queries/users";
import { signUp } from "../actions";
import { AuthForm } from "../_components/AuthForm";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string | string[] }> }) {
  if (await getViewer()) redirect("/questions");
  const { invitation } = await searchParams;
  const token = typeof invitation === "string" ? invitation : undefined;
  const db = getDb();
  const now = await requestTime();
  const closed = !adminExists(db)
    ? SIGN_UP_CLOSED_NO_ADMIN
    : isDeskPrivate() && !(token && isInvitationUsable(db, token, now))
      ? INVITATION_REQUIRED
      : null;
  return (
    <>
      <h1>Create account</h1>
      {closed ? (
        <p className="form-error" role="alert">
          {closed}
        </p>
      ) : (
        <>
          <p className="muted">Analysts forecast and comment; admins run the desk.</p>
          <AuthForm mode="signup" action={signUp} invitation={token} />
        </>
      )}
    </>
  );
}
