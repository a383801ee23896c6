import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in to your inbox" subtitle="Instagram and WhatsApp conversations, in one place.">
      <SignInForm callbackUrl={callbackUrl} initialEmail={typeof params.email === "string" ? params.email : undefined} />
    </AuthCard>
  );
}
