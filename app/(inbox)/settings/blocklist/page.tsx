import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { BlocklistPanel } from "@/components/settings/blocklist-panel";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { listBlocked } from "@/lib/inbox/blocklist";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";

export const metadata: Metadata = { title: "Blocklist · Settings" };

export default async function BlocklistPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [blocked, audit] = await Promise.all([listBlocked(), listAuditLog("blocklist")]);
  return (
    <SettingsSection title="Blocklist" description="Spam and abusive senders. Unblocking brings their conversations back to the inbox.">
      <BlocklistPanel initial={blocked} />
      <AuditTrail scope="blocklist" initial={audit} />
    </SettingsSection>
  );
}
