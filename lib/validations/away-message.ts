import { z } from "zod";
import { timeZoneSchema, weeklyScheduleSchema } from "@/lib/business-hours/weekly-schedule";

/** PUT /api/settings/away-messages/[channel] — the channel's away message and its business hours. */
export const awayMessageSchema = z
  .object({
    enabled: z.boolean(),
    text: z.string().trim().min(1, "Write the away message").max(1000, "Keep the away message under 1000 characters"),
    timeZone: timeZoneSchema,
    schedule: weeklyScheduleSchema,
  })
  .strict();
export type AwayMessageInput = z.infer<typeof awayMessageSchema>;
