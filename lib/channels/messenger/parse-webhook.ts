import { parsePayload } from "../meta/parse-payload";
import { withoutEmpty } from "../meta/without-empty";
import type { Attachment, MessageType, NormalizedEvent, Participant, Referral } from "../types";
import { parseMessengerAttachment } from "./parse-attachments";
import {
  messengerMessagingSchema,
  messengerWebhookSchema,
  type MessengerMessage,
  type MessengerMessaging,
  type MessengerReferral,
} from "./webhook-schema";

type EventBase = { channel: "messenger"; businessAccountId: string; participant: Participant; timestamp: Date };
type MessageEvent = Extract<NormalizedEvent, { kind: "message" }>;

const UNSUPPORTED_TEXT = "Sent a message this inbox can't show. Open Messenger to see it.";

function reactionEmoji(reaction: { reaction?: string; emoji?: string }): string | null {
  if (reaction.emoji) return reaction.emoji;
  if (reaction.reaction === "love") return "❤️";
  return reaction.reaction ?? null;
}

function messageContent(message: MessengerMessage): Pick<MessageEvent, "type" | "text" | "attachments"> {
  const text = message.text ?? null;
  if (message.is_unsupported) return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments: [] };
  const attachments: Attachment[] = [];
  let type: MessageType | undefined;
  let placeholder: string | undefined;
  for (const raw of message.attachments ?? []) {
    const parsed = parseMessengerAttachment(raw);
    attachments.push(parsed.attachment);
    type ??= parsed.type;
    placeholder ??= parsed.placeholder;
  }
  if (message.quick_reply) attachments.push({ kind: "interactive", meta: { quickReplyPayload: message.quick_reply.payload } });
  if (type) return { type, text: text ?? placeholder ?? null, attachments };
  if (text !== null) return { type: "TEXT", text, attachments };
  return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments };
}

/** An ad id (source "ADS") is an ad, an m.me link's ref (source "SHORTLINK") a link, anything else organic. */
export function referralOf(referral: MessengerReferral): Referral {
  const context = referral.ads_context_data;
  const kind = referral.ad_id || referral.source === "ADS" ? "ad" : referral.ref || referral.source === "SHORTLINK" ? "link" : "organic";
  const adContext = context
    ? withoutEmpty({ title: context.ad_title, photoUrl: context.photo_url, videoUrl: context.video_url, postId: context.post_id, productId: context.product_id })
    : undefined;
  return {
    kind,
    ...withoutEmpty({ source: referral.source, adId: referral.ad_id, ref: referral.ref, headline: context?.ad_title }),
    ...(adContext && Object.keys(adContext).length > 0 ? { adContext } : {}),
  };
}

function messageEvent(message: MessengerMessage, base: EventBase): NormalizedEvent {
  if (message.is_deleted) return { ...base, kind: "message_deleted", externalId: message.mid };
  return {
    ...base,
    kind: "message",
    direction: message.is_echo ? "OUTBOUND" : "INBOUND",
    externalId: message.mid,
    ...messageContent(message),
    ...(message.reply_to?.mid ? { replyToExternalId: message.reply_to.mid } : {}),
    ...(message.is_echo ? { isEcho: true } : {}),
    ...(message.referral ? { referral: referralOf(message.referral) } : {}),
  };
}

/** One `messaging[]` item → its events. The conversation is always keyed by the customer (PSID). */
export function messagingItemEvents(item: MessengerMessaging, pageId: string, deliveredAt: number | undefined): NormalizedEvent[] {
  // Echoes (and anything else the Page itself did) come with sender and recipient swapped.
  const fromBusiness = item.message?.is_echo === true || item.sender.id === pageId;
  const [business, customer] = fromBusiness ? [item.sender, item.recipient] : [item.recipient, item.sender];
  const timestamp = new Date(item.timestamp ?? deliveredAt ?? Date.now());
  const base: EventBase = { channel: "messenger", businessAccountId: business.id, participant: { id: customer.id }, timestamp };
  const events: NormalizedEvent[] = [];

  if (item.message) events.push(messageEvent(item.message, base));
  if (item.message_edit && item.message_edit.text !== undefined) {
    events.push({ ...base, kind: "message_edited", externalId: item.message_edit.mid, text: item.message_edit.text });
  }
  // Per-message receipts; a watermark-only delivery (old Messenger clients) names no message and is skipped.
  for (const mid of item.delivery?.mids ?? []) events.push({ ...base, kind: "status", externalId: mid, status: "DELIVERED" });
  if (item.read) {
    events.push({
      ...base,
      kind: "read",
      ...(item.read.mid ? { upToExternalId: item.read.mid } : {}),
      ...(item.read.watermark !== undefined ? { watermark: new Date(item.read.watermark) } : {}),
    });
  }
  if (item.reaction) {
    const unreact = item.reaction.action === "unreact";
    events.push({
      ...base,
      kind: "reaction",
      targetExternalId: item.reaction.mid,
      action: item.reaction.action,
      emoji: unreact ? null : reactionEmoji(item.reaction),
      ...(fromBusiness ? { fromBusiness: true } : {}),
    });
  }
  if (item.postback) {
    // A tapped button (Get Started included) reads, in the thread, as if the customer had typed its title.
    const { title, payload } = item.postback;
    events.push({
      ...base,
      kind: "message",
      direction: "INBOUND",
      // Older postbacks carry no mid: sender and time identify the tap, the same on every redelivery.
      externalId: item.postback.mid ?? `postback:${customer.id}:${timestamp.getTime()}`,
      type: "TEXT",
      text: title ?? payload ?? null,
      attachments: payload === undefined ? [] : [{ kind: "interactive", meta: { postbackPayload: payload } }],
      ...(item.postback.referral ? { referral: referralOf(item.postback.referral) } : {}),
    });
  }
  return events;
}

/** One webhook delivery → every event in it, across all entries, in delivery order. */
export function parseMessengerWebhook(payload: unknown): NormalizedEvent[] {
  const webhook = parsePayload(messengerWebhookSchema, payload, "Messenger");
  return webhook.entry.flatMap((entry, entryIndex) =>
    (entry.messaging ?? []).flatMap((raw, itemIndex) => {
      const item = parsePayload(messengerMessagingSchema, raw, "Messenger", ["entry", entryIndex, "messaging", itemIndex]);
      return messagingItemEvents(item, entry.id, entry.time);
    }),
  );
}
