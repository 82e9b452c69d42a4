import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isDeskPrivate } from "@/app/_auth/desk-privacy";
import { getViewer } from "@/app/_auth/session";
import { signIn } from "../actions";
import { AuthForm } from "../_components/AuthForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getViewer()) redirect("/questions");
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <AuthForm mode="signin" action={signIn} next={typeof next === "string" ? next : undefined} signUpOpen={!isDeskPrivate()} />
    </>
  );
}
