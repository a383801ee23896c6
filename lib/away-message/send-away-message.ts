import { isWithinBusinessHours } from "@/lib/business-hours/weekly-schedule";
import type { ChannelAdapter } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { deliverReply } from "@/lib/inbox/deliver-reply";
import { replyAllowance } from "@/lib/inbox/messaging-window";
import { eventBus } from "@/lib/realtime/bus";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";
import { enabledAwayMessage } from "@/lib/away-message/away-message-settings";

/** At most one away message per conversation in this long, however often the customer writes. */
export const AWAY_MESSAGE_INTERVAL_MS = 12 * 60 * 60 * 1000;

export type AwayOutcome = "sent" | "failed" | "off" | "open-hours" | "window-closed" | "recently-sent" | "skipped";

/**
 * The channel's away message, when a customer wrote (at `writtenAt`) outside its business hours.
 * Only inside Meta's free-form messaging window (never with the Human Agent tag, which is for
 * people), and at most once per conversation per 12 hours: claimed with a conditional UPDATE of
 * `awayMessageSentAt`, so two deliveries at once, or two instances, send it once. It is stored as an
 * automatic outbound message and goes through the same delivery as a reply (ticks, errors, echo).
 */
export async function sendAwayMessage(adapter: ChannelAdapter, conversationId: string, writtenAt: Date, now = new Date()): Promise<AwayOutcome> {
  const away = await enabledAwayMessage(adapter);
  if (!away) return "off";
  if (isWithinBusinessHours(away.schedule, away.timeZone, writtenAt)) return "open-hours";
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      businessAccountId: true,
      lastInboundAt: true,
      hidden: true,
      contact: { select: { id: true, externalId: true, leadId: true } },
    },
  });
  if (!conversation || conversation.hidden) return "skipped";
  const allowance = replyAllowance(adapter.messagingWindow, { lastInboundAt: conversation.lastInboundAt, now, humanAgentTag: false });
  if (!allowance.allowed) return "window-closed";
  const creds = await loadAccountCredentials(adapter.key, conversation.businessAccountId);
  if (!creds) return "skipped";

  const { count } = await db.conversation.updateMany({
    where: {
      id: conversationId,
      OR: [{ awayMessageSentAt: null }, { awayMessageSentAt: { lte: new Date(now.getTime() - AWAY_MESSAGE_INTERVAL_MS) } }],
    },
    data: { awayMessageSentAt: now },
  });
  if (count === 0) return "recently-sent";

  const message = await db.message.create({
    data: { conversationId, channel: adapter.dbChannel, direction: "OUTBOUND", type: "TEXT", text: away.text, status: "PENDING", automatic: true },
    select: { id: true, conversationId: true, text: true },
  });
  await eventBus.publish({ type: "message.created", conversationId, messageId: message.id, channel: adapter.key });
  try {
    await deliverReply(message, {
      adapter,
      creds,
      to: conversation.contact.externalId,
      contactId: conversation.contact.id,
      leadId: conversation.contact.leadId,
      userId: null,
      humanAgent: false,
      // A text message: no attachment link for Meta to fetch.
      publicOrigin: "",
    });
    return "sent";
  } catch {
    // deliverReply stored the failure on the message (shown in the thread with Meta's reason).
    return "failed";
  }
}

/**
 * After an ingest has committed: sends away messages in the background so the webhook's
 * processing never waits on the Graph API. Failures are logged, never thrown.
 */
export function queueAwayMessage(adapter: ChannelAdapter, conversationId: string, writtenAt: Date): void {
  void sendAwayMessage(adapter, conversationId, writtenAt).catch((error: unknown) => {
    console.error(`[away] away message for ${conversationId} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
