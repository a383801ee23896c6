import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { AwayMessagesPanel } from "@/components/settings/away-messages-panel";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { listAwayMessages } from "@/lib/away-message/away-message-settings";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";

export const metadata: Metadata = { title: "Away messages · Settings" };

export default async function AwayMessagesPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [awayMessages, audit] = await Promise.all([listAwayMessages(), listAuditLog("away-message")]);
  return (
    <SettingsSection
      title="Away messages"
      description="An automatic reply when a customer writes outside your business hours: only inside Meta's messaging window, at most once per conversation every 12 hours, marked Automatic in the thread."
    >
      <div className="space-y-6">
        {awayMessages.map((settings) => (
          <AwayMessagesPanel key={settings.channel} initial={settings} />
        ))}
      </div>
      <AuditTrail scope="away-message" initial={audit} />
    </SettingsSection>
  );
}
