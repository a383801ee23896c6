import { db } from "@/lib/db";
import { NOTIFICATION_LEVELS, type NotificationLevel, type UpdatePreferencesInput } from "@/lib/validations/preferences";

export interface Preferences {
  notificationLevel: NotificationLevel;
  notificationSound: boolean;
  /** When the user marked themselves away; null while available. */
  awayAt: Date | null;
}

const select = { notificationLevel: true, notificationSound: true, awayAt: true } as const;

/** Each user's own: notifications (level, sound) and Away. */
export async function getPreferences(userId: string): Promise<Preferences> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select });
  return toPreferences(row);
}

/** Away keeps the time it was first set: turning it on again changes nothing. */
export async function updatePreferences(userId: string, input: UpdatePreferencesInput): Promise<Preferences> {
  const row = await db.user.update({
    where: { id: userId },
    data: {
      notificationLevel: input.notificationLevel,
      notificationSound: input.notificationSound,
      ...(input.away === false ? { awayAt: null } : {}),
    },
    select,
  });
  if (input.away && !row.awayAt) {
    return toPreferences(await db.user.update({ where: { id: userId }, data: { awayAt: new Date() }, select }));
  }
  return toPreferences(row);
}

export function asNotificationLevel(value: string): NotificationLevel {
  return (NOTIFICATION_LEVELS as readonly string[]).includes(value) ? (value as NotificationLevel) : "MINE_AND_UNASSIGNED";
}

function toPreferences(row: { notificationLevel: string; notificationSound: boolean; awayAt: Date | null }): Preferences {
  return { notificationLevel: asNotificationLevel(row.notificationLevel), notificationSound: row.notificationSound, awayAt: row.awayAt };
}
