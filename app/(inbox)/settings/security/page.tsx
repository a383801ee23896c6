import type { Metadata } from "next";
import { SecurityPolicyForm } from "@/components/settings/security-policy-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { getSecurityPolicy } from "@/lib/users/security-policy";

export const metadata: Metadata = { title: "Security · Settings" };

export default async function SecurityPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  return (
    <SettingsSection
      title="Security"
      description="Sign-in rules for the whole team. Everyone sets up two-factor sign-in for themselves on their Account page."
    >
      <SecurityPolicyForm initial={await getSecurityPolicy()} />
    </SettingsSection>
  );
}
