import type { Metadata } from "next";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { AuditTrail } from "@/components/settings/audit-trail";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";

export const metadata: Metadata = { title: "API · Settings" };

export default async function ApiSettingsPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [tokens, audit] = await Promise.all([listApiTokens(), listAuditLog("api-token")]);
  return (
    <SettingsSection
      title="API"
      description="Tokens for the REST API (/api/v1), so your CRM, spreadsheets and automations can read leads and conversations and send replies."
    >
      <ApiTokensPanel initial={tokens} />
      <AuditTrail scope="api-token" initial={audit} />
    </SettingsSection>
  );
}
