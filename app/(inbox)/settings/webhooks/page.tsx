import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { SettingsSection } from "@/components/settings/settings-section";
import { WebhooksPanel } from "@/components/settings/webhooks-panel";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { listWebhookEndpoints } from "@/lib/outbound-webhooks/manage-endpoints";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";

export const metadata: Metadata = { title: "Outgoing webhooks · Settings" };

export default async function WebhooksSettingsPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [endpoints, audit] = await Promise.all([listWebhookEndpoints(), listAuditLog("webhook")]);
  return (
    <SettingsSection
      title="Outgoing webhooks"
      description="Tell your other tools when messages arrive or are sent and when leads change. Each delivery is signed per Standard Webhooks."
    >
      <WebhooksPanel initial={endpoints} />
      <AuditTrail scope="webhook" initial={audit} />
    </SettingsSection>
  );
}
