import type { ChannelAdapter } from "@/lib/channels/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { previewOf } from "@/lib/inbox/ingest/thread";
import { reactionExternalId } from "@/lib/inbox/reaction-key";
import { truncateText } from "@/lib/text/truncate";
import { isDuplicateMessage, transactionRetryingRaces } from "@/lib/inbox/transactions";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";

/**
 * A reaction is a REACTION message pointing at its target (replyToExternalId), one per reacting
 * person and target: its dedupe key is derived from both, so a changed emoji updates it in place
 * and "unreact" removes it.
 */
export async function ingestReaction(adapter: ChannelAdapter, event: EventOf<"reaction">): Promise<IngestResult> {
  // The customer and the business can each have their own reaction on the same message.
  const reactor = event.fromBusiness ? event.businessAccountId : event.participant.id;
  const externalId = reactionExternalId(reactor, event.targetExternalId);
  const channel = adapter.dbChannel;
  try {
    return await transactionRetryingRaces(async (tx) => {
      const target = await tx.message.findUnique({
        where: { channel_externalId: { channel, externalId: event.targetExternalId } },
        select: { conversationId: true },
      });
      if (!target) return nothingChanged();
      const existing = await tx.message.findUnique({
        where: { channel_externalId: { channel, externalId } },
        select: { id: true, text: true, sentAt: true },
      });
      const conversationId = target.conversationId;
      const conversationUpdated = { type: "conversation.updated" as const, conversationId, channel: adapter.key };

      if (event.action === "unreact" || !event.emoji) {
        if (!existing) return nothingChanged("duplicate");
        await tx.message.delete({ where: { id: existing.id } });
        await restorePreview(tx, conversationId, existing.sentAt);
        return {
          outcome: "stored",
          publish: [{ type: "message.updated", conversationId, messageId: existing.id, channel: adapter.key }, conversationUpdated],
        };
      }
      if (existing?.text === event.emoji) return nothingChanged("duplicate");
      const message = existing
        ? await tx.message.update({ where: { id: existing.id }, data: { text: event.emoji, sentAt: event.timestamp }, select: { id: true } })
        : await tx.message.create({
            data: {
              conversationId,
              channel,
              direction: event.fromBusiness ? "OUTBOUND" : "INBOUND",
              externalId,
              type: "REACTION",
              text: event.emoji,
              status: "DELIVERED",
              sentAt: event.timestamp,
              replyToExternalId: event.targetExternalId,
            },
            select: { id: true },
          });
      // Only the newest activity moves the list's preview and order: deliveries can arrive late.
      await tx.conversation.updateMany({
        where: { id: conversationId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lte: event.timestamp } }] },
        data: { lastMessageAt: event.timestamp, lastMessagePreview: `${event.fromBusiness ? "You: " : ""}Reacted ${event.emoji} to a message` },
      });
      return {
        outcome: "stored",
        publish: [
          { type: existing ? "message.updated" : "message.created", conversationId, messageId: message.id, channel: adapter.key },
          conversationUpdated,
        ],
      };
    });
  } catch (error) {
    if (isDuplicateMessage(error)) return nothingChanged("duplicate");
    throw error;
  }
}

/** The list preview said "Reacted …" for the reaction just withdrawn: show the newest message left instead. */
async function restorePreview(tx: Prisma.TransactionClient, conversationId: string, removedAt: Date) {
  const newer = await tx.message.count({ where: { conversationId, sentAt: { gt: removedAt }, type: { not: "NOTE" } } });
  if (newer > 0) return;
  const newest = await tx.message.findFirst({
    // Private notes are not part of the customer's conversation, so never its preview.
    where: { conversationId, type: { not: "NOTE" } },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    select: { direction: true, type: true, text: true, attachments: true, status: true },
  });
  if (!newest) return;
  const preview = newest.status === "DELETED" ? "Message unsent" : newest.type === "REACTION" ? `Reacted ${newest.text} to a message` : previewOf(newest);
  await tx.conversation.update({
    where: { id: conversationId },
    data: { lastMessagePreview: truncateText(newest.direction === "OUTBOUND" ? `You: ${preview}` : preview, 200) },
  });
}
