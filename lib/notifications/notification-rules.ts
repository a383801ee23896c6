import type { NotificationLevel } from "@/lib/validations/preferences";

/**
 * Whether a new customer message in a conversation should notify this user: "ALL" for any they
 * may see, "MINE_AND_UNASSIGNED" for theirs and nobody's, "NONE" never. Visibility is checked
 * before this (an invisible conversation is never named).
 */
export function wantsMessageNotification(level: NotificationLevel, userId: string, assigneeId: string | null): boolean {
  if (level === "NONE") return false;
  if (level === "ALL") return true;
  return assigneeId === null || assigneeId === userId;
}
