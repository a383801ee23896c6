import { truncateText } from "@/lib/text/truncate";
import type { ChannelAdapter } from "@/lib/channels/types";
import { isDuplicateMessage, transactionRetryingRaces } from "@/lib/inbox/transactions";
import { ingestInboundBatch } from "@/lib/inbox/ingest/ingest-inbound-batch";
import { previewOf, receivedMessageData, touchThread, upsertThread } from "@/lib/inbox/ingest/thread";
import type { EventOf, IngestResult } from "@/lib/inbox/ingest/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pendingMediaRows } from "@/lib/media/downloadable-attachments";
import { recordStaffAnswer } from "@/lib/speed-to-lead/record-answer";

/** An echo this recent with the same text is our own reply whose Send API answer is still on its way. */
const PENDING_ECHO_MATCH_MS = 10 * 60_000;

/**
 * A customer's message (INBOUND) or one the business sent (OUTBOUND echo). A customer's message is
 * a batch of one (`ingest-inbound-batch.ts`), so one writer stores them however they arrive. Exactly
 * once per Meta message id: checked inside the transaction, and a concurrent twin that wins the race
 * surfaces as a violation of the message dedupe key, which is the same "already stored" answer.
 */
export async function ingestMessage(adapter: ChannelAdapter, event: EventOf<"message">): Promise<IngestResult> {
  try {
    if (event.direction === "INBOUND") return (await ingestInboundBatch([{ adapter, event }]))[0];
    return await transactionRetryingRaces((tx) => storeEcho(tx, adapter, event));
  } catch (error) {
    if (isDuplicateMessage(error)) return { outcome: "duplicate", publish: [] };
    throw error;
  }
}

/** An echo: the business wrote from another app, or Meta echoes our own reply. */
async function storeEcho(
  tx: Prisma.TransactionClient,
  adapter: ChannelAdapter,
  event: EventOf<"message">,
): Promise<IngestResult> {
  const existing = await tx.message.findUnique({
    where: { channel_externalId: { channel: adapter.dbChannel, externalId: event.externalId } },
    select: { id: true },
  });
  if (existing) return { outcome: "duplicate", publish: [] };

  const thread = await upsertThread(tx, adapter, event);
  const channel = adapter.key;

  const claimed = await claimPendingReply(tx, thread.conversationId, event);
  if (claimed) {
    return {
      outcome: "stored",
      publish: [{ type: "message.updated", conversationId: thread.conversationId, messageId: claimed, channel }],
    };
  }

  const message = await tx.message.create({
    data: receivedMessageData(thread.conversationId, adapter, event),
    select: { id: true },
  });
  // One insert here; the download waits for the media worker so the webhook path stays fast.
  const media = pendingMediaRows(message.id, event.attachments);
  if (media.length > 0) await tx.mediaFile.createMany({ data: media });
  await touchThread(tx, adapter, thread, { ...event, at: event.timestamp }, { countsAsUnread: false });
  // Written in Meta's own apps: it answers the customer as much as a reply from the inbox does.
  await recordStaffAnswer(tx, { conversationId: thread.conversationId, messageId: message.id, answeredAt: event.timestamp, byUserId: null });
  await tx.communicationLog.create({
    data: {
      channel: adapter.dbChannel,
      direction: event.direction,
      contactId: thread.contactId,
      leadId: thread.leadId,
      messageId: message.id,
      kind: "outbound_echo",
      summary: `Sent from the app: ${truncateText(previewOf(event), 120)}`,
    },
  });
  return {
    outcome: "stored",
    publish: [
      { type: "message.created", conversationId: thread.conversationId, messageId: message.id, channel },
      { type: "conversation.updated", conversationId: thread.conversationId, channel },
    ],
    mediaQueued: media.length > 0,
  };
}

/**
 * The echo of our own reply can overtake the Send API's answer. The reply row is already there
 * (stored PENDING before the call), so the echo completes it instead of adding a twin. Text is
 * matched exactly; a file (which carries no text on Instagram) by its kind.
 */
async function claimPendingReply(
  tx: Prisma.TransactionClient,
  conversationId: string,
  event: EventOf<"message">,
): Promise<string | null> {
  if (!event.text && event.attachments.length === 0) return null;
  const pending = await tx.message.findFirst({
    where: {
      conversationId,
      direction: "OUTBOUND",
      status: "PENDING",
      externalId: null,
      ...(event.text ? { text: event.text } : { text: null, type: event.type, mediaFiles: { some: {} } }),
      createdAt: { gte: new Date(Date.now() - PENDING_ECHO_MATCH_MS) },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!pending) return null;
  await tx.message.update({
    where: { id: pending.id },
    data: { externalId: event.externalId, status: "SENT" },
  });
  return pending.id;
}
