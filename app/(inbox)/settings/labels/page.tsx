import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { LabelsPanel } from "@/components/settings/labels-panel";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { listLabels } from "@/lib/labels/manage-labels";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";

export const metadata: Metadata = { title: "Labels · Settings" };

export default async function LabelsPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [labels, audit] = await Promise.all([listLabels(), listAuditLog("label")]);
  return (
    <SettingsSection title="Labels" description="Tags anyone on the team can put on a conversation (press l in a thread), and filter the inbox and the leads by.">
      <LabelsPanel initial={labels} />
      <AuditTrail scope="label" initial={audit} />
    </SettingsSection>
  );
}
