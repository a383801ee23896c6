import { describeError } from "@/lib/describe-error";
import { truncateText } from "@/lib/text/truncate";
import { ApiError } from "@/lib/api/errors";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import type { ChannelAdapter, ChannelCredentials, OutboundAttachment } from "@/lib/channels/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/inbox/transactions";
import { touchThread } from "@/lib/inbox/ingest/thread";
import { messageSelect } from "@/lib/inbox/message-select";
import type { ReplyUpload } from "@/lib/inbox/reply-attachment";
import { authSecret } from "@/lib/local-secrets";
import { signReplyAttachmentLink } from "@/lib/media/reply-attachment-link";
import { mediaStorage } from "@/lib/media/storage";
import { eventBus } from "@/lib/realtime/bus";
import type { ReplyTemplateInput } from "@/lib/validations/reply";
import { clearTokenErrors, recordTokenError } from "@/lib/settings/token-errors";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { messageSent } from "@/lib/outbound-webhooks/webhook-payloads";
import { recordStaffAnswer } from "@/lib/speed-to-lead/record-answer";

/**
 * Sends a stored PENDING outbound message through the channel and records the outcome: SENT with
 * Meta's id, or FAILED with the readable error (then a 502 carrying the failed message, so the
 * thread can offer a retry). Retries of transient errors happen inside the Graph client.
 */

export interface OutboundMessage {
  id: string;
  conversationId: string;
  text: string | null;
  /** The file this message carries; its text, if any, is the caption. */
  attachment?: ReplyUpload;
}

export interface DeliveryTarget {
  adapter: ChannelAdapter;
  creds: ChannelCredentials;
  to: string;
  contactId: string;
  leadId: string | null;
  /** Null for what the app sends by itself (the away message). */
  userId: string | null;
  humanAgent: boolean;
  /** Base of the signed links Meta fetches attachments from (Instagram). */
  publicOrigin: string;
  template?: ReplyTemplateInput;
}

export async function deliverReply(message: OutboundMessage, target: DeliveryTarget) {
  let externalId: string;
  try {
    const result = target.template
      ? await sendTemplate(target, target.template)
      : message.attachment
        ? await target.adapter.sendAttachment(target.creds, {
            to: target.to,
            humanAgent: target.humanAgent,
            attachment: outboundAttachment(message.attachment, message.text, target.publicOrigin),
          })
        : await target.adapter.sendText(target.creds, { to: target.to, text: message.text ?? "", humanAgent: target.humanAgent });
    externalId = result.externalId;
  } catch (error) {
    return recordFailure(message, target, error);
  }
  const sent = await recordSent(message, target, externalId);
  await clearTokenErrors(target.creds.integrationKey ?? target.adapter.key);
  return sent;
}

function outboundAttachment(upload: ReplyUpload, caption: string | null, publicOrigin: string): OutboundAttachment {
  return {
    kind: upload.kind,
    contentType: upload.contentType,
    filename: upload.filename,
    caption: caption ?? undefined,
    url: `${publicOrigin}/api/media/reply-attachments/${signReplyAttachmentLink(authSecret(), upload.id)}`,
    read: async () => {
      const stored = await mediaStorage().get(upload.storageKey);
      if (!stored) throw new ApiError({ code: "NOT_FOUND", message: "The attached file is no longer in media storage. Attach it again." });
      return stored.body;
    },
  };
}

function sendTemplate(target: DeliveryTarget, template: ReplyTemplateInput) {
  if (!target.adapter.templates) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: `${target.adapter.label} has no message templates` });
  }
  return target.adapter.templates.send(target.creds, { to: target.to, ...template });
}

async function recordSent(message: OutboundMessage, target: DeliveryTarget, externalId: string) {
  const { adapter } = target;
  const stored = await db.$transaction(async (tx) => {
    await releaseExternalId(tx, adapter, message.id, externalId);
    const current = await tx.message.findUniqueOrThrow({ where: { id: message.id }, select: { status: true } });
    const updated = await tx.message.update({
      where: { id: message.id },
      // The echo or a read receipt may already have moved it further along.
      data: { externalId, status: current.status === "PENDING" || current.status === "FAILED" ? "SENT" : current.status, error: null, errorCode: null },
      select: messageSelect,
    });
    await touchThread(
      tx,
      adapter,
      { conversationId: message.conversationId, leadId: target.leadId },
      { ...updated, direction: "OUTBOUND", at: new Date() },
      { countsAsUnread: false },
    );
    await logReply(tx, target, message.id, target.template ? "template_sent" : "reply_sent", sentSummary(message, target));
    // A person's reply ends the customer's wait; the away message (no user) does not.
    if (target.userId) await recordStaffAnswer(tx, { conversationId: message.conversationId, messageId: message.id, answeredAt: new Date(), byUserId: target.userId });
    await recordWebhookEvents(tx, [
      messageSent({
        id: updated.id,
        conversationId: updated.conversationId,
        channel: adapter.dbChannel,
        direction: "OUTBOUND",
        type: updated.type,
        text: updated.text,
        status: updated.status,
        sentAt: updated.sentAt,
        sentById: target.userId,
      }),
    ]);
    return updated;
  }, TRANSACTION_OPTIONS);
  await publishChanged(adapter, message);
  return stored;
}

/**
 * Meta's id may already sit on another row: the echo of this very reply arrived before the Send
 * API answered and could not be matched (stored as its own message), or two identical replies'
 * echoes were matched crosswise. The echo twin goes; a crosswise match swaps ids.
 */
async function releaseExternalId(
  tx: Prisma.TransactionClient,
  adapter: ChannelAdapter,
  messageId: string,
  externalId: string,
) {
  const holder = await tx.message.findUnique({
    where: { channel_externalId: { channel: adapter.dbChannel, externalId } },
    select: { id: true, sentById: true, idempotencyKey: true },
  });
  if (!holder || holder.id === messageId) return;
  const ours = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { externalId: true } });
  if (holder.sentById === null && holder.idempotencyKey === null) {
    await tx.communicationLog.deleteMany({ where: { messageId: holder.id } });
    await tx.message.delete({ where: { id: holder.id } });
    return;
  }
  await tx.message.update({ where: { id: messageId }, data: { externalId: null } });
  await tx.message.update({ where: { id: holder.id }, data: { externalId: ours.externalId } });
}

async function recordFailure(message: OutboundMessage, target: DeliveryTarget, error: unknown) {
  const { adapter } = target;
  // The echo already gave this row Meta's id: it went out, whatever the (timed-out) answer said.
  const current = await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { externalId: true } });
  if (current.externalId) return recordSent(message, target, current.externalId);
  if (error instanceof ApiError) throw error;
  const graphError = error instanceof GraphApiError ? error : null;
  const userMessage = graphError?.userMessage ?? `${adapter.label} could not be reached. Try again in a moment.`;
  const code = graphError?.kind ?? "UPSTREAM_ERROR";
  if (!graphError) console.error(`[reply] ${adapter.key} send failed: ${describeError(error)}`);

  const failed = await db.$transaction(async (tx) => {
    const updated = await tx.message.update({
      where: { id: message.id },
      data: { status: "FAILED", error: userMessage, errorCode: code },
      select: messageSelect,
    });
    await logReply(tx, target, message.id, "reply_failed", `Reply failed: ${userMessage}`);
    return updated;
  }, TRANSACTION_OPTIONS);
  if (code === "TOKEN_EXPIRED") await recordTokenError(target.creds.integrationKey ?? adapter.key, userMessage);
  await publishChanged(adapter, message);
  throw failedReplyError(failed);
}

function sentSummary(message: OutboundMessage, target: DeliveryTarget): string {
  if (target.template) return `Template "${target.template.name}" sent`;
  const text = truncateText(message.text ?? "", 120);
  if (!message.attachment) return `Replied: ${text}`;
  return `Sent ${ATTACHMENT_NOUN[message.attachment.kind]} (${message.attachment.filename})${text ? `: ${text}` : ""}`;
}

const ATTACHMENT_NOUN: Record<OutboundAttachment["kind"], string> = { image: "an image", video: "a video", audio: "an audio file", file: "a document" };

/**
 * The parts after one that failed: marked FAILED without a Graph call, so text meant to go with a
 * file never arrives alone; each can be retried once the first is through.
 */
export async function markNotSent(messages: OutboundMessage[], adapter: ChannelAdapter) {
  if (messages.length === 0) return;
  await db.message.updateMany({
    where: { id: { in: messages.map((message) => message.id) }, status: "PENDING" },
    data: { status: "FAILED", error: "Not sent, because the attachment before it could not be sent.", errorCode: "NOT_SENT" },
  });
  for (const message of messages) await publishChanged(adapter, message);
}

function logReply(tx: Prisma.TransactionClient, target: DeliveryTarget, messageId: string, kind: string, summary: string) {
  return tx.communicationLog.create({
    data: {
      channel: target.adapter.dbChannel,
      direction: "OUTBOUND",
      contactId: target.contactId,
      leadId: target.leadId,
      userId: target.userId,
      messageId,
      kind,
      summary,
    },
  });
}

/** 502 with the mapped error and the FAILED message, which stays in the thread for a retry. */
export function failedReplyError(message: { error: string | null; errorCode: string | null }) {
  return new ApiError({
    code: message.errorCode ?? "UPSTREAM_ERROR",
    status: 502,
    message: message.error ?? "The message could not be sent.",
    extra: { message },
  });
}

async function publishChanged(adapter: ChannelAdapter, message: OutboundMessage) {
  await eventBus.publish({ type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel: adapter.key });
  await eventBus.publish({ type: "conversation.updated", conversationId: message.conversationId, channel: adapter.key });
}
