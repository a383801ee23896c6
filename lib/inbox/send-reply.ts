import { ApiError } from "@/lib/api/errors";
import { requireChannel } from "@/lib/inbox/require-channel";
import type { ChannelAdapter, ChannelCredentials } from "@/lib/channels/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db-errors";
import { deliverReply, failedReplyError, type DeliveryTarget } from "@/lib/inbox/deliver-reply";
import { messageSelect } from "@/lib/inbox/message-select";
import { replyAllowance, WINDOW_CLOSED_MESSAGE } from "@/lib/inbox/messaging-window";
import { renderTemplatePreview } from "@/lib/inbox/list-templates";
import { eventBus } from "@/lib/realtime/bus";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";
import type { SendReplyInput } from "@/lib/validations/reply";

/**
 * A salesperson's reply: window check (no Graph call when closed), store PENDING, send, record
 * the outcome. The client's idempotency key makes a double-click or a network retry return the
 * first attempt's result instead of sending again.
 */

type StoredMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

const conversationSelect = {
  id: true,
  channel: true,
  businessAccountId: true,
  lastInboundAt: true,
  contact: { select: { id: true, externalId: true, lead: { select: { id: true } } } },
} as const;

type ReplyConversation = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;

/** How long a duplicate request waits for the first one's Send API call to settle. */
const SETTLE_WAIT_MS = 20_000;

export async function sendReply(input: {
  conversationId: string;
  userId: string;
  body: SendReplyInput;
}): Promise<StoredMessage> {
  const { body } = input;
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: conversationSelect });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  if (body.idempotencyKey) {
    const earlier = await findByIdempotencyKey(conversation.id, body.idempotencyKey);
    if (earlier) return settledResult(earlier.id);
  }

  const { adapter, creds } = await channelFor(conversation);
  const humanAgent = checkWindow(adapter, creds, conversation, Boolean(body.template));
  const templateText = body.template ? await renderTemplatePreview(adapter, creds, body.template) : null;

  let message: { id: string; conversationId: string; text: string | null };
  try {
    message = await db.message.create({
      data: {
        conversationId: conversation.id,
        channel: adapter.dbChannel,
        direction: "OUTBOUND",
        type: "TEXT",
        text: templateText ?? body.text ?? "",
        status: "PENDING",
        sentById: input.userId,
        idempotencyKey: body.idempotencyKey ?? null,
      },
      select: { id: true, conversationId: true, text: true },
    });
  } catch (error) {
    // The same key raced in from a second request: answer with that one's result.
    if (body.idempotencyKey && isUniqueViolation(error, { model: "Message", fields: ["conversationId", "idempotencyKey"] })) {
      const earlier = await findByIdempotencyKey(conversation.id, body.idempotencyKey);
      if (earlier) return settledResult(earlier.id);
    }
    throw error;
  }
  await eventBus.publish({ type: "message.created", conversationId: conversation.id, messageId: message.id, channel: adapter.key });
  return deliverReply(message, target(conversation, adapter, creds, input.userId, humanAgent, body.template));
}

/**
 * Retry of a FAILED reply (POST /api/inbox/messages/[id]/retry): the same row goes back to
 * PENDING and through the same window check and send, so the thread keeps one bubble. A failed
 * template is retried as its text, which only goes out inside the window; outside, the 422 tells
 * the user to pick the template again.
 */
export async function retryMessage(input: { messageId: string; userId: string }): Promise<StoredMessage> {
  const message = await db.message.findUnique({
    where: { id: input.messageId },
    select: { id: true, conversationId: true, text: true, status: true, direction: true, conversation: { select: conversationSelect } },
  });
  if (!message) throw new ApiError({ code: "NOT_FOUND", message: "Message not found" });
  if (message.direction !== "OUTBOUND" || message.status !== "FAILED") {
    throw new ApiError({ code: "CONFLICT", message: "Only a failed reply can be retried" });
  }
  const { adapter, creds } = await channelFor(message.conversation);
  const humanAgent = checkWindow(adapter, creds, message.conversation, false);
  // Claimed atomically: two retry clicks cannot both send.
  const { count } = await db.message.updateMany({
    where: { id: message.id, status: "FAILED" },
    data: { status: "PENDING", error: null, errorCode: null, sentById: input.userId },
  });
  if (count === 0) return settledResult(message.id);
  await eventBus.publish({ type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel: adapter.key });
  return deliverReply(message, target(message.conversation, adapter, creds, input.userId, humanAgent));
}

async function channelFor(conversation: ReplyConversation): Promise<{ adapter: ChannelAdapter; creds: ChannelCredentials }> {
  const adapter = requireChannel(conversation.channel);
  // A team may connect several Instagram accounts: reply with the one the customer wrote to.
  const creds = await loadAccountCredentials(adapter.key, conversation.businessAccountId);
  if (!creds) {
    throw new ApiError({
      code: "CHANNEL_NOT_CONFIGURED",
      message: `${adapter.label} is not connected. An admin can connect it in Settings.`,
    });
  }
  return { adapter, creds };
}

/** Templates are Meta's way to re-open a closed window, so they skip the check. */
function checkWindow(adapter: ChannelAdapter, creds: ChannelCredentials, conversation: ReplyConversation, isTemplate: boolean): boolean {
  if (isTemplate) return false;
  const allowance = replyAllowance(adapter.messagingWindow, {
    lastInboundAt: conversation.lastInboundAt,
    now: new Date(),
    humanAgentTag: creds.humanAgentTag ?? false,
  });
  if (!allowance.allowed) throw new ApiError({ code: "MESSAGING_WINDOW_CLOSED", message: WINDOW_CLOSED_MESSAGE });
  return allowance.humanAgent;
}

function target(
  conversation: ReplyConversation,
  adapter: ChannelAdapter,
  creds: ChannelCredentials,
  userId: string,
  humanAgent: boolean,
  template?: SendReplyInput["template"],
): DeliveryTarget {
  return {
    adapter,
    creds,
    to: conversation.contact.externalId,
    contactId: conversation.contact.id,
    leadId: conversation.contact.lead?.id ?? null,
    userId,
    humanAgent,
    template,
  };
}

function findByIdempotencyKey(conversationId: string, idempotencyKey: string) {
  return db.message.findUnique({
    where: { conversationId_idempotencyKey: { conversationId, idempotencyKey } },
    select: { id: true },
  });
}

/** The first attempt's outcome: waits while its Send API call is in flight, then answers the same. */
async function settledResult(messageId: string): Promise<StoredMessage> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: messageSelect });
    if (message.status === "FAILED") throw failedReplyError(message);
    if (message.status !== "PENDING" || Date.now() > deadline) return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
