import type { Metadata } from "next";
import { SettingsSection } from "@/components/settings/settings-section";
import { AskAnAdmin } from "@/components/shell/admin-only";
import { SpeedToLeadPanel } from "@/components/speed-to-lead/speed-to-lead-panel";
import { adminPageUser } from "@/lib/settings/admin-page-user";
import { readSlaSettings } from "@/lib/speed-to-lead/sla-settings";

export const metadata: Metadata = { title: "Speed to lead · Settings" };

export default async function SpeedToLeadPage() {
  if (!(await adminPageUser())) return <AskAnAdmin />;
  const settings = await readSlaSettings();
  return (
    <SettingsSection
      title="Speed to lead"
      description="How fast the team should answer a customer. The inbox shows how long each customer has waited, amber at half the target and red past it; outside business hours the clock pauses."
    >
      <SpeedToLeadPanel initial={settings} />
    </SettingsSection>
  );
}
