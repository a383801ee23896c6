import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { SettingsSection } from "@/components/settings/settings-section";
import { TeamPanel } from "@/components/settings/team-panel";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";
import { listUsers } from "@/lib/settings/list-users";
import { readTeamSettings } from "@/lib/settings/team-settings";

export const metadata: Metadata = { title: "Team · Settings" };

export default async function TeamPage() {
  const admin = await adminPageUser();
  if (!admin) return <AskAnAdmin />;
  const [users, audit, teamSettings] = await Promise.all([listUsers(), listAuditLog("user"), readTeamSettings()]);
  return (
    <SettingsSection
      title="Team"
      description="Who can sign in. Disabling someone, changing their role or resetting their password signs them out everywhere at once."
    >
      <TeamPanel initial={users} currentUserId={admin.id} teamSettings={teamSettings} />
      <AuditTrail scope="user" initial={audit} />
    </SettingsSection>
  );
}
