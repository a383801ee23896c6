import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/sign-in");
  return (
    <AuthCard title="Welcome! Create the first admin" subtitle="You'll invite your team and connect channels next.">
      <SetupForm />
    </AuthCard>
  );
}
