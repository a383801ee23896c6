import type { Metadata } from "next";
import { AuditTrail } from "@/components/settings/audit-trail";
import { EventsPanel } from "@/components/settings/events-panel";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { listAuditLog } from "@/lib/settings/audit-log";
import { countRecentEvents, listEvents } from "@/lib/settings/list-events";

export const metadata: Metadata = { title: "Webhook events · Settings" };

export default async function EventsPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const [page, counters, audit] = await Promise.all([listEvents({ limit: 25 }), countRecentEvents(), listAuditLog("event")]);
  return (
    <SettingsSection
      title="Webhook events"
      description="Every delivery from Meta as it arrived. Replay a failed or ignored one after fixing its cause; replaying never stores a message twice."
    >
      <EventsPanel initial={{ ...page, counters }} />
      <AuditTrail scope="event" initial={audit} />
    </SettingsSection>
  );
}
