import { db } from "@/lib/db";
import { slaBusinessHoursSchema, type SlaBusinessHours } from "@/lib/sla/sla-clock";

export interface SlaSettings {
  targetSeconds: number;
  businessHours: SlaBusinessHours | null;
  reassign: boolean;
}

/** The team's SLA, read once per check (a few times a minute): no cache needed. Bad JSON = round the clock. */
export async function readSlaSettings(): Promise<SlaSettings> {
  const row = await db.teamSettings.findUnique({ where: { id: "team" }, select: { slaTargetMinutes: true, slaBusinessHours: true, slaReassign: true } });
  const hours = slaBusinessHoursSchema.safeParse(row?.slaBusinessHours);
  return {
    targetSeconds: (row?.slaTargetMinutes ?? 15) * 60,
    businessHours: hours.success ? hours.data : null,
    reassign: row?.slaReassign ?? false,
  };
}
