import { z } from "zod";
import { timeZoneSchema, weeklyScheduleSchema } from "@/lib/business-hours/weekly-schedule";

/** Business hours for the SLA clock: the schedule in one time zone; outside it the clock pauses. */
export const slaHoursSchema = z.object({ timeZone: timeZoneSchema, schedule: weeklyScheduleSchema.min(1, "Add at least one range, or turn business hours off") }).strict();

/** PUT /api/settings/speed-to-lead — the SLA target, its business hours (null: round the clock), and the two switches. */
export const speedToLeadSettingsSchema = z
  .object({
    slaTargetMinutes: z.number().int().min(1, "At least one minute").max(7 * 24 * 60, "At most a week"),
    slaBusinessHours: slaHoursSchema.nullable(),
    slaReassign: z.boolean(),
    autoAssign: z.boolean(),
  })
  .strict();
export type SpeedToLeadSettingsInput = z.infer<typeof speedToLeadSettingsSchema>;
