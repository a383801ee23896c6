import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/inbox/transactions";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";

/** The customer unsent a message: keep the row (the thread shows "unsent"), drop its content. */
export async function ingestMessageDeleted(
  adapter: ChannelAdapter,
  event: EventOf<"message_deleted">,
): Promise<IngestResult> {
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { channel_externalId: { channel: adapter.dbChannel, externalId: event.externalId } },
      select: { id: true, conversationId: true, status: true, sentAt: true },
    });
    // Unsent before we ever saw it: there is nothing to hide.
    if (!message) return nothingChanged();
    if (message.status === "DELETED") return nothingChanged("duplicate");
    await tx.message.update({
      where: { id: message.id },
      data: { status: "DELETED", deletedAt: event.timestamp, text: null, attachments: Prisma.DbNull },
    });
    const newer = await tx.message.count({
      where: { conversationId: message.conversationId, sentAt: { gt: message.sentAt }, type: { not: "NOTE" } },
    });
    if (newer === 0) {
      await tx.conversation.update({
        where: { id: message.conversationId },
        data: { lastMessagePreview: "Message unsent" },
      });
    }
    return changed(adapter, message);
  }, TRANSACTION_OPTIONS);
}

export async function ingestMessageEdited(
  adapter: ChannelAdapter,
  event: EventOf<"message_edited">,
): Promise<IngestResult> {
  const message = await db.message.findUnique({
    where: { channel_externalId: { channel: adapter.dbChannel, externalId: event.externalId } },
    select: { id: true, conversationId: true, status: true, text: true },
  });
  if (!message || message.status === "DELETED") return nothingChanged();
  if (message.text === event.text) return nothingChanged("duplicate");
  await db.message.update({ where: { id: message.id }, data: { text: event.text, editedAt: event.timestamp } });
  return changed(adapter, message);
}

function changed(adapter: ChannelAdapter, message: { id: string; conversationId: string }): IngestResult {
  return {
    outcome: "stored",
    publish: [
      { type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel: adapter.key },
    ],
  };
}
