import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { canMoveTo } from "@/lib/inbox/ingest/status-order";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { messageStatusChanged } from "@/lib/outbound-webhooks/webhook-payloads";

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
  const count = await db.$transaction(async (tx) => {
    const updated = await tx.message.updateMany({
      where: { id: message.id, status: message.status },
      data: {
        status: event.status,
        ...(event.status === "DELIVERED" ? { deliveredAt: event.timestamp } : {}),
        ...(event.status === "READ" ? { readAt: event.timestamp } : {}),
        ...(event.status === "FAILED" ? failure : {}),
      },
    });
    if (updated.count === 1) {
      const statusEvent = { id: message.id, conversationId: message.conversationId, channel: adapter.dbChannel, from: message.status, status: event.status };
      await recordWebhookEvents(tx, [messageStatusChanged(event.status === "FAILED" ? { ...statusEvent, error: failure.error } : statusEvent)]);
    }
    return updated.count;
  });
  if (count === 0) return ingestStatus(adapter, event);
  return {
    outcome: "stored",
    publish: [
      { type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel: adapter.key },
    ],
  };
}
