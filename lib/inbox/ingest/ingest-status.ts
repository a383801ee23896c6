import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";

/** Delivery receipts arrive out of order; a status only ever moves forward along this ladder. */
const RANK: Record<MessageStatus, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4, DELETED: 5 };

export function canMoveTo(current: MessageStatus, next: MessageStatus): boolean {
  // Meta reports a failure instead of delivery, never after it was delivered or read.
  if (next === "FAILED") return current === "PENDING" || current === "SENT";
  return RANK[next] > RANK[current];
}

export async function ingestStatus(adapter: ChannelAdapter, event: EventOf<"status">): Promise<IngestResult> {
  const message = await db.message.findUnique({
    where: { channel_externalId: { channel: adapter.dbChannel, externalId: event.externalId } },
    select: { id: true, conversationId: true, status: true },
  });
  // A receipt for a message sent outside this inbox (e.g. the phone app): nothing to update.
  if (!message) return nothingChanged();
  if (!canMoveTo(message.status, event.status)) return nothingChanged("duplicate");

  const failure = event.error
    ? {
        error: event.error.details ? `${event.error.title}: ${event.error.details}` : event.error.title,
        errorCode: event.error.code ?? null,
      }
    : { error: "Meta reported the message as failed", errorCode: null };
  // Conditional on the status we read, so a concurrent receipt cannot be overwritten by an older one.
  const { count } = await db.message.updateMany({
    where: { id: message.id, status: message.status },
    data: {
      status: event.status,
      ...(event.status === "DELIVERED" ? { deliveredAt: event.timestamp } : {}),
      ...(event.status === "READ" ? { readAt: event.timestamp } : {}),
      ...(event.status === "FAILED" ? failure : {}),
    },
  });
  if (count === 0) return ingestStatus(adapter, event);
  return {
    outcome: "stored",
    publish: [
      { type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel: adapter.key },
    ],
  };
}
