import { field, unsupportedAttachment } from "../meta/delivery-item";
import { threadOwnerEvents } from "../meta/handover-items";
import { messageEvent, messagingSides, parseMessagingDelivery, reactionEmoji, referralOf, timeOf, type EventBase, type MessageContent } from "../meta/messenger-platform";
import type { Attachment, DeliveryItem, MessageType, NormalizedEvent } from "../types";
import { parseAttachment } from "./parse-attachments";
import { messagingSchema, type InstagramMessage, type InstagramMessaging } from "./webhook-schema";

const UNSUPPORTED_TEXT = "Sent a message this inbox can't show yet. Open Instagram to see it.";

function messageContent(message: InstagramMessage, raw: unknown): MessageContent {
  const text = message.text ?? null;
  const unsupported = (reason: string) => ({ type: "UNSUPPORTED" as const, text: UNSUPPORTED_TEXT, attachments: [unsupportedAttachment(raw, reason)] });
  if (message.is_unsupported) return unsupported("Meta marked it is_unsupported");

  const attachments: Attachment[] = [];
  let type: MessageType | undefined;
  let placeholder: string | undefined;
  for (const raw of message.attachments) {
    const parsed = parseAttachment(raw);
    attachments.push(parsed.attachment);
    type ??= parsed.type;
    placeholder ??= parsed.placeholder;
  }

  const story = message.reply_to?.story;
  if (story) {
    attachments.unshift({ kind: "story", ...(story.url ? { url: story.url } : {}), ...(story.id ? { meta: { storyId: story.id } } : {}) });
    return { type: "STORY_REPLY", text: text ?? "Replied to your story", attachments };
  }
  if (message.quick_reply) {
    attachments.push({ kind: "interactive", meta: { quickReplyPayload: message.quick_reply.payload } });
  }
  if (type) return { type, text: text ?? placeholder ?? null, attachments };
  if (text !== null) return { type: "TEXT", text, attachments };
  return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments };
}

function itemEvents(item: InstagramMessaging, raw: unknown, entryId: string | undefined): NormalizedEvent[] {
  const { fromBusiness, customer, business } = messagingSides(raw, entryId);
  if (!customer) throw new Error("names no customer (the recipient of an echo)");
  const base: EventBase = {
    channel: "instagram",
    // "" when neither the item nor its entry names the account: ingest then uses the channel's.
    businessAccountId: business ?? "",
    participant: { id: customer },
    timestamp: timeOf(item.timestamp),
  };
  const events: NormalizedEvent[] = [];

  if (item.message) events.push(messageEvent(item.message, field(raw, "message"), base, messageContent));
  if (item.message_edit && item.message_edit.text !== undefined) {
    events.push({ ...base, kind: "message_edited", externalId: item.message_edit.mid, text: item.message_edit.text });
  }
  if (item.read) {
    events.push({
      ...base,
      kind: "read",
      ...(item.read.mid ? { upToExternalId: item.read.mid } : {}),
      ...(item.read.watermark !== undefined ? { watermark: item.read.watermark } : {}),
    });
  }
  if (item.reaction) {
    const unreact = item.reaction.action === "unreact";
    events.push({
      ...base,
      kind: "reaction",
      targetExternalId: item.reaction.mid,
      action: unreact ? "unreact" : "react",
      emoji: unreact ? null : reactionEmoji(item.reaction),
      ...(fromBusiness ? { fromBusiness: true } : {}),
    });
  }
  events.push(...threadOwnerEvents(item, base));
  if (item.postback) {
    // A tapped button reads, in the thread, as if the customer had typed its title.
    const { mid, title, payload } = item.postback;
    events.push({
      ...base,
      kind: "message",
      direction: "INBOUND",
      externalId: mid,
      type: "TEXT",
      text: title ?? payload ?? null,
      attachments: payload === undefined ? [] : [{ kind: "interactive", meta: { postbackPayload: payload } }],
      ...(item.postback.referral ? { referral: referralOf(item.postback.referral) } : {}),
    });
  }
  return events;
}

/**
 * One webhook delivery → its items (every `messaging[]` element of every entry, then its `standby[]`
 * ones: messages sent while another app, e.g. a chatbot, holds the thread), each parsed on its own,
 * in delivery order. Comment and mention notifications arrive as `changes` instead; they are not
 * conversations and are not read.
 */
export function parseInstagramWebhook(payload: unknown): DeliveryItem[] {
  return parseMessagingDelivery(payload, { channel: "instagram", platform: "Instagram", schema: messagingSchema, itemEvents, unsupportedText: UNSUPPORTED_TEXT });
}
