import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";

/** The customer read the thread: everything we sent up to that message (or watermark) is READ. */
export async function ingestRead(adapter: ChannelAdapter, event: EventOf<"read">): Promise<IngestResult> {
  const conversation = await db.conversation.findFirst({
    where: {
      channel: adapter.dbChannel,
      businessAccountId: event.businessAccountId,
      contact: { externalId: event.participant.id },
    },
    select: { id: true },
  });
  if (!conversation) return nothingChanged();

  const target = event.upToExternalId
    ? await db.message.findUnique({
        where: { channel_externalId: { channel: adapter.dbChannel, externalId: event.upToExternalId } },
        select: { sentAt: true },
      })
    : null;
  const upTo = target?.sentAt ?? event.watermark ?? event.timestamp;
  const { count } = await db.message.updateMany({
    where: {
      conversationId: conversation.id,
      direction: "OUTBOUND",
      // A private note never reached the customer, so they cannot have read it.
      type: { not: "NOTE" },
      status: { in: ["SENT", "DELIVERED"] },
      sentAt: { lte: upTo },
    },
    data: { status: "READ", readAt: event.timestamp },
  });
  if (count === 0) return nothingChanged("duplicate");
  return {
    outcome: "stored",
    publish: [{ type: "conversation.updated", conversationId: conversation.id, channel: adapter.key }],
  };
}
