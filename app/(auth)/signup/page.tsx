import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/app/_auth/session";
import { signUp } from "../actions";
import { AuthForm } from "../_components/AuthForm";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getViewer()) redirect("/questions");
  return (
    <>
      <h1>Create account</h1>
      <p className="muted">Analysts forecast and comment; admins run the desk.</p>
      <AuthForm mode="signup" action={signUp} />
    </>
  );
}
