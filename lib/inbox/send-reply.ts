import { ApiError } from "@/lib/api/errors";
import { requireChannel } from "@/lib/inbox/require-channel";
import type { ChannelAdapter, ChannelCredentials, MessageType } from "@/lib/channels/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/inbox/transactions";
import { isUniqueViolation } from "@/lib/db-errors";
import { deliverReply, failedReplyError, markNotSent, type DeliveryTarget, type OutboundMessage } from "@/lib/inbox/deliver-reply";
import { findReplyUpload, messageTypeOf, replyUploadOf, type ReplyUpload } from "@/lib/inbox/reply-attachment";
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
 *
 * A reply with an attachment may become two messages: channels that take no caption (Instagram,
 * WhatsApp audio) get the file first and the text as a message of its own, each a row of its own
 * so each shows its own ticks and can be retried alone.
 */

type StoredMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

const conversationSelect = {
  id: true,
  channel: true,
  businessAccountId: true,
  lastInboundAt: true,
  threadHeldSince: true,
  contact: { select: { id: true, externalId: true, whatsappId: true, bsuid: true, leadId: true } },
} as const;

type ReplyConversation = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;

/** How long a duplicate request waits for the first one's Send API call to settle. */
const SETTLE_WAIT_MS = 20_000;

/** The idempotency key of the text that follows an attachment sent without a caption. */
const TEXT_PART_SUFFIX = ":text";

interface ReplyPart {
  type: MessageType;
  text: string | null;
  idempotencyKey: string | null;
  upload?: ReplyUpload;
}

export async function sendReply(input: {
  conversationId: string;
  userId: string;
  body: SendReplyInput;
  /** Where Meta can fetch an attachment sent by URL: APP_URL or the host staff reached us on. */
  publicOrigin: string;
}): Promise<StoredMessage[]> {
  const { body } = input;
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: conversationSelect });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  if (body.idempotencyKey) {
    const earlier = await findByIdempotencyKey(conversation.id, body.idempotencyKey);
    if (earlier) return settledReply(conversation.id, body.idempotencyKey);
  }

  const { adapter, creds } = await channelFor(conversation);
  checkTextLength(adapter, body.text);
  const humanAgent = checkWindow(adapter, creds, conversation, Boolean(body.template));
  const templateText = body.template ? await renderTemplatePreview(adapter, creds, body.template) : null;
  const upload = body.attachmentId ? await findReplyUpload(adapter, body.attachmentId, input.userId) : undefined;
  const parts = replyParts(adapter, body, templateText, upload);

  let messages: OutboundMessage[];
  try {
    messages = await storePending(conversation.id, adapter, input.userId, parts);
  } catch (error) {
    // The same key raced in from a second request: answer with that one's result.
    if (body.idempotencyKey && isUniqueViolation(error, { model: "Message", fields: ["conversationId", "idempotencyKey"] })) {
      const earlier = await findByIdempotencyKey(conversation.id, body.idempotencyKey);
      if (earlier) return settledReply(conversation.id, body.idempotencyKey);
    }
    throw error;
  }
  for (const message of messages) {
    await eventBus.publish({ type: "message.created", conversationId: conversation.id, messageId: message.id, channel: adapter.key });
  }
  const delivery = target(conversation, adapter, creds, input.userId, humanAgent, input.publicOrigin, body.template);
  const sent: StoredMessage[] = [];
  for (const [index, message] of messages.entries()) {
    try {
      sent.push(await deliverReply(message, delivery));
    } catch (error) {
      // Text that explains a file must not arrive without it.
      await markNotSent(messages.slice(index + 1), adapter);
      throw error;
    }
  }
  return sent;
}

function replyParts(adapter: ChannelAdapter, body: SendReplyInput, templateText: string | null, upload: ReplyUpload | undefined): ReplyPart[] {
  const key = body.idempotencyKey ?? null;
  if (!upload) return [{ type: "TEXT", text: templateText ?? body.text ?? "", idempotencyKey: key }];
  const rule = adapter.outboundMedia[upload.kind];
  const fits = body.text === undefined || rule?.maxCaptionLength === undefined || body.text.length <= rule.maxCaptionLength;
  const captioned = rule?.caption === true && fits;
  const parts: ReplyPart[] = [{ type: messageTypeOf(upload.kind), text: captioned ? (body.text ?? null) : null, idempotencyKey: key, upload }];
  if (body.text && !captioned) parts.push({ type: "TEXT", text: body.text, idempotencyKey: key && `${key}${TEXT_PART_SUFFIX}` });
  return parts;
}

/** All parts at once, each attachment claimed by its message, so a failure leaves nothing half-stored. */
function storePending(conversationId: string, adapter: ChannelAdapter, userId: string, parts: ReplyPart[]): Promise<OutboundMessage[]> {
  return db.$transaction(async (tx) => {
    const stored: OutboundMessage[] = [];
    for (const part of parts) {
      const message = await tx.message.create({
        data: {
          conversationId,
          channel: adapter.dbChannel,
          direction: "OUTBOUND",
          type: part.type,
          text: part.text,
          attachments: part.upload
            ? [{ kind: part.upload.kind, mimeType: part.upload.contentType, filename: part.upload.filename }]
            : undefined,
          status: "PENDING",
          sentById: userId,
          idempotencyKey: part.idempotencyKey,
        },
        select: { id: true, conversationId: true, text: true },
      });
      if (part.upload) {
        const { count } = await tx.mediaFile.updateMany({
          where: { id: part.upload.id, messageId: null },
          data: { messageId: message.id, attachmentIndex: 0 },
        });
        if (count === 0) throw new ApiError({ code: "CONFLICT", message: "This attachment was already sent. Attach the file again to send it once more." });
      }
      stored.push({ ...message, attachment: part.upload });
    }
    return stored;
  }, TRANSACTION_OPTIONS);
}

/**
 * Retry of a FAILED reply (POST /api/inbox/messages/[id]/retry): the same row goes back to
 * PENDING and through the same window check and send, so the thread keeps one bubble. A failed
 * template is retried as its text, which only goes out inside the window; outside, the 422 tells
 * the user to pick the template again.
 */
export async function retryMessage(input: { messageId: string; userId: string; publicOrigin: string }): Promise<StoredMessage> {
  const message = await db.message.findUnique({
    where: { id: input.messageId },
    select: {
      id: true,
      conversationId: true,
      text: true,
      status: true,
      direction: true,
      attachments: true,
      mediaFiles: { select: { id: true, storageKey: true, contentType: true, filename: true } },
      conversation: { select: conversationSelect },
    },
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
  const attachment = message.mediaFiles[0] ? replyUploadOf(message.mediaFiles[0], message.attachments) : undefined;
  return deliverReply(
    { id: message.id, conversationId: message.conversationId, text: message.text, attachment },
    target(message.conversation, adapter, creds, input.userId, humanAgent, input.publicOrigin),
  );
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
/** Refused, not cut: the composer offers to split a reply this long. */
function checkTextLength(adapter: ChannelAdapter, text: string | undefined) {
  if (text === undefined || text.length <= adapter.maxTextLength) return;
  throw new ApiError({
    code: "TEXT_TOO_LONG",
    status: 422,
    message: `${adapter.label} messages can be at most ${adapter.maxTextLength.toLocaleString("en")} characters; this one has ${text.length.toLocaleString("en")}. Shorten it or send it in parts.`,
    details: [{ field: "text", issue: `At most ${adapter.maxTextLength} characters on ${adapter.label}` }],
  });
}

function checkWindow(adapter: ChannelAdapter, creds: ChannelCredentials, conversation: ReplyConversation, isTemplate: boolean): boolean {
  // Meta refuses sends on a thread another app (a chatbot) holds: take it over first (lib/handover).
  if (conversation.threadHeldSince) throw threadHeldError();
  if (isTemplate) return false;
  const allowance = replyAllowance(adapter.messagingWindow, {
    lastInboundAt: conversation.lastInboundAt,
    now: new Date(),
    humanAgentTag: creds.humanAgentTag ?? false,
  });
  if (!allowance.allowed) throw new ApiError({ code: "MESSAGING_WINDOW_CLOSED", message: WINDOW_CLOSED_MESSAGE });
  return allowance.humanAgent;
}

function threadHeldError(): ApiError {
  return new ApiError({
    code: "THREAD_HELD_BY_OTHER_APP",
    status: 409,
    message: "Another app (such as a chatbot) is handling this conversation. Take it over before replying.",
  });
}

/**
 * Where replies go: a WhatsApp customer's current phone (it may have changed since we first knew
 * them), else their business-scoped user id when they hide their phone behind a username; on
 * Instagram the IGSID the contact is known by.
 */
function replyAddress(contact: ReplyConversation["contact"]): string {
  return contact.whatsappId ?? contact.bsuid ?? contact.externalId;
}

function target(
  conversation: ReplyConversation,
  adapter: ChannelAdapter,
  creds: ChannelCredentials,
  userId: string,
  humanAgent: boolean,
  publicOrigin: string,
  template?: SendReplyInput["template"],
): DeliveryTarget {
  return {
    adapter,
    creds,
    to: replyAddress(conversation.contact),
    contactId: conversation.contact.id,
    leadId: conversation.contact.leadId,
    userId,
    humanAgent,
    publicOrigin,
    template,
  };
}

function findByIdempotencyKey(conversationId: string, idempotencyKey: string) {
  return db.message.findUnique({
    where: { conversationId_idempotencyKey: { conversationId, idempotencyKey } },
    select: { id: true },
  });
}

/** Every part of the first attempt, each as it settled. */
async function settledReply(conversationId: string, idempotencyKey: string): Promise<StoredMessage[]> {
  const parts = [];
  for (const key of [idempotencyKey, `${idempotencyKey}${TEXT_PART_SUFFIX}`]) {
    const part = await findByIdempotencyKey(conversationId, key);
    if (part) parts.push(await settledResult(part.id));
  }
  return parts;
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
