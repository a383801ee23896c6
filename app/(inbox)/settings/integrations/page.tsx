import type { Metadata } from "next";
import { headers } from "next/headers";
import { AuditTrail } from "@/components/settings/audit-trail";
import { IntegrationsPanel } from "@/components/settings/integrations-panel";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { appOrigin } from "@/lib/settings/app-origin";
import { listAuditLog } from "@/lib/settings/audit-log";
import { listIntegrations } from "@/lib/settings/list-integrations";

export const metadata: Metadata = { title: "Integrations · Settings" };

export default async function IntegrationsPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [integrations, audit] = await Promise.all([
    listIntegrations(appOrigin(await headers())),
    listAuditLog("integration"),
  ]);
  return (
    <SettingsSection title="Integrations" description="Connect the channels your customers write on. Tokens are stored encrypted and never shown again.">
      <IntegrationsPanel initial={integrations} />
      <AuditTrail scope="integration" initial={audit} />
    </SettingsSection>
  );
}
