import { z } from "zod";

/** Which customer messages raise a browser notification (User.notificationLevel). */
export const NOTIFICATION_LEVELS = ["ALL", "MINE_AND_UNASSIGNED", "NONE"] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/** PATCH /api/me/preferences: any of the three, at least one. */
export const updatePreferencesSchema = z
  .object({
    notificationLevel: z.enum(NOTIFICATION_LEVELS).optional(),
    notificationSound: z.boolean().optional(),
    /** Away: auto-assignment and SLA reassignment skip you. */
    away: z.boolean().optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: "Change at least one preference" });
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesSchema>;
