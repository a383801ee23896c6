import type { MessageStatus } from "@/lib/generated/prisma/enums";

/** Delivery receipts arrive out of order; a status only ever moves forward along this ladder. */
const RANK: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4, DELETED: 5 };

export function canMoveTo(current: MessageStatus, next: MessageStatus): boolean {
  // Meta reports a failure instead of delivery, never after it was delivered or read.
  if (next === "FAILED") return current === "PENDING" || current === "SENT";
  return RANK[next] > RANK[current];
}
