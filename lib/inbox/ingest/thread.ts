import { truncateText } from "@/lib/text/truncate";
import type { ChannelAdapter, Participant, Referral, RemoteMessage } from "@/lib/channels/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ensureThreads, type ThreadRef } from "@/lib/inbox/ingest/ensure-threads";

type Tx = Prisma.TransactionClient;

export type Thread = Pick<ThreadRef, "contactId" | "leadId" | "conversationId">;

/**
 * The Contact → Lead → Conversation chain one event belongs to (echoes, sync), created on first
 * contact by the same code as a batch's. Runs inside the caller's transaction so a message never
 * lands without its thread.
 */
export async function upsertThread(
  tx: Tx,
  adapter: ChannelAdapter,
  input: { businessAccountId: string; participant: Participant },
): Promise<Thread> {
  const [thread] = await ensureThreads(tx, [{ channel: adapter.dbChannel, businessAccountId: input.businessAccountId, participant: input.participant }]);
  return { contactId: thread.contactId, leadId: thread.leadId, conversationId: thread.conversationId };
}

/** Lead.lastContactAt only moves forward: a late redelivery must not make a lead look colder. */
export async function touchLead(tx: Tx, adapter: ChannelAdapter, leadId: string, at: Date): Promise<void> {
  await tx.lead.updateMany({
    where: { id: leadId, OR: [{ lastContactAt: null }, { lastContactAt: { lt: at } }] },
    data: { lastContactAt: at, lastContactChannel: adapter.dbChannel },
  });
}

/**
 * A new message in the thread: unread +1 for the customer's messages, and the preview/ordering
 * only when it is the newest one (deliveries can arrive out of order).
 */
export async function touchConversation(
  tx: Tx,
  conversationId: string,
  message: { at: Date; preview: string; inbound: boolean; countsAsUnread: boolean },
): Promise<void> {
  const current = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { lastMessageAt: true, lastInboundAt: true },
  });
  const newest = !current.lastMessageAt || current.lastMessageAt <= message.at;
  const newestInbound = message.inbound && (!current.lastInboundAt || current.lastInboundAt < message.at);
  await tx.conversation.update({
    where: { id: conversationId },
    data: {
      // A customer writing again also brings an archived or snoozed thread back.
      ...(message.countsAsUnread ? { unreadCount: { increment: 1 }, status: "OPEN" as const, snoozedUntil: null } : {}),
      ...(newest ? { lastMessageAt: message.at, lastMessagePreview: truncateText(message.preview, 200) } : {}),
      ...(newestInbound ? { lastInboundAt: message.at } : {}),
    },
  });
}

/**
 * A message joined the thread: the conversation's preview/ordering (and unread count for a live
 * inbound message) and the lead's last contact move with it.
 */
export async function touchThread(
  tx: Tx,
  adapter: ChannelAdapter,
  thread: { conversationId: string; leadId: string | null },
  message: { direction: "INBOUND" | "OUTBOUND"; at: Date; text: string | null; type: string; attachments?: unknown },
  options: { countsAsUnread: boolean },
): Promise<void> {
  const inbound = message.direction === "INBOUND";
  const preview = previewOf(message);
  await touchConversation(tx, thread.conversationId, {
    at: message.at,
    preview: inbound ? preview : `You: ${preview}`,
    inbound,
    countsAsUnread: options.countsAsUnread,
  });
  if (thread.leadId) await touchLead(tx, adapter, thread.leadId, message.at);
}

/** The list's one-line preview: the text, else "[image]"-style for attachments. */
export function previewOf(message: { text: string | null; type: string; attachments?: unknown }): string {
  if (message.text) return message.text;
  const first: unknown = Array.isArray(message.attachments) ? message.attachments[0] : undefined;
  const kind =
    first && typeof first === "object" && "kind" in first && typeof first.kind === "string" ? first.kind : message.type.toLowerCase();
  return `[${kind.replace("_", " ")}]`;
}

/**
 * The Message row for a message Meta told us about, by webhook or by the Conversations API: the
 * same columns either way, so a synced message and a delivered one are indistinguishable.
 */
export function receivedMessageData(
  conversationId: string,
  adapter: ChannelAdapter,
  message: RemoteMessage & { replyToExternalId?: string; referral?: Referral },
): Prisma.MessageUncheckedCreateInput {
  const inbound = message.direction === "INBOUND";
  return {
    conversationId,
    channel: adapter.dbChannel,
    direction: message.direction,
    externalId: message.externalId,
    type: message.type,
    text: message.text,
    attachments: message.attachments.length > 0 ? (message.attachments as unknown as Prisma.InputJsonValue) : undefined,
    status: inbound ? "DELIVERED" : "SENT",
    sentAt: message.timestamp,
    deliveredAt: inbound ? message.timestamp : null,
    replyToExternalId: message.replyToExternalId ?? null,
    referral: message.referral ? (message.referral as unknown as Prisma.InputJsonValue) : undefined,
  };
}
