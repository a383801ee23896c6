import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";
import { laterOf } from "./later-of";

/**
 * The ingest side of Meta's handover protocol, for every channel that has it (Instagram,
 * Messenger): parsers mark standby messages and emit `thread_owner` events; these two keep the
 * conversation's record of who holds the thread.
 */

/**
 * Messages that came on standby, just stored by the inbound batch (same transaction): another app
 * holds their threads; each keeps its newest standby time, the start of our window once we take it.
 */
export async function recordStandbyMessages(tx: Prisma.TransactionClient, messages: Array<{ conversationId: string; at: Date }>): Promise<void> {
  const newest = new Map<string, Date>();
  for (const { conversationId, at } of messages) newest.set(conversationId, laterOf(newest.get(conversationId) ?? null, at)!);
  for (const [id, at] of [...newest].sort(([a], [b]) => a.localeCompare(b))) {
    await tx.conversation.updateMany({ where: { id, threadHeldSince: null }, data: { threadHeldSince: at } });
    await tx.conversation.updateMany({ where: { id, OR: [{ standbyInboundAt: null }, { standbyInboundAt: { lt: at } }] }, data: { standbyInboundAt: at } });
  }
}

/**
 * `messaging_handovers`: passed to us — we hold the thread and the customer's standby messages open
 * our window; taken by another app — it holds the thread, and a pending request of ours is moot.
 * A conversation we never saw stays unknown: the first message creates it.
 */
export async function ingestThreadOwner(adapter: ChannelAdapter, event: EventOf<"thread_owner">): Promise<IngestResult> {
  const conversation = await db.conversation.findFirst({
    where: { channel: adapter.dbChannel, businessAccountId: event.businessAccountId, contact: { externalId: event.participant.id } },
    select: { id: true, threadHeldSince: true, threadHolderAppId: true, lastInboundAt: true, standbyInboundAt: true },
  });
  if (!conversation) return nothingChanged();
  const data = event.ours
    ? {
        threadHeldSince: null,
        threadRequestedAt: null,
        threadHolderAppId: event.otherAppId ?? conversation.threadHolderAppId,
        lastInboundAt: laterOf(conversation.lastInboundAt, conversation.standbyInboundAt),
      }
    : { threadHeldSince: conversation.threadHeldSince ?? event.timestamp, threadRequestedAt: null, threadHolderAppId: event.otherAppId ?? conversation.threadHolderAppId };
  const unchanged = event.ours ? conversation.threadHeldSince === null : conversation.threadHeldSince !== null && (event.otherAppId ?? conversation.threadHolderAppId) === conversation.threadHolderAppId;
  if (unchanged) return nothingChanged("duplicate");
  await db.conversation.update({ where: { id: conversation.id }, data });
  return { outcome: "stored", publish: [{ type: "conversation.updated", conversationId: conversation.id, channel: adapter.key }] };
}
