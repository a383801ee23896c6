import { field, unsupportedAttachment } from "../meta/delivery-item";
import { threadOwnerEvents } from "../meta/handover-items";
import { messageEvent, messagingSides, parseMessagingDelivery, reactionEmoji, referralOf, timeOf, type EventBase, type MessageContent } from "../meta/messenger-platform";
import type { Attachment, DeliveryItem, MessageType, NormalizedEvent } from "../types";
import { parseMessengerAttachment } from "./parse-attachments";
import { messagingSchema, type MessengerMessage, type MessengerMessaging } from "./webhook-schema";

const UNSUPPORTED_TEXT = "Sent a message this inbox can't show. Open Messenger to see it.";

function messageContent(message: MessengerMessage, raw: unknown): MessageContent {
  const text = message.text ?? null;
  if (message.is_unsupported) {
    return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments: [unsupportedAttachment(raw, "Meta marked it is_unsupported")] };
  }
  const attachments: Attachment[] = [];
  let type: MessageType | undefined;
  let placeholder: string | undefined;
  for (const attachment of message.attachments) {
    const parsed = parseMessengerAttachment(attachment);
    attachments.push(parsed.attachment);
    type ??= parsed.type;
    placeholder ??= parsed.placeholder;
  }
  if (message.quick_reply) attachments.push({ kind: "interactive", meta: { quickReplyPayload: message.quick_reply.payload } });
  if (type) return { type, text: text ?? placeholder ?? null, attachments };
  if (text !== null) return { type: "TEXT", text, attachments };
  return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments };
}

/** One `messaging[]` item → its events. The conversation is always keyed by the customer (PSID). */
function itemEvents(item: MessengerMessaging, raw: unknown, entryId: string | undefined): NormalizedEvent[] {
  const { fromBusiness, customer, business } = messagingSides(raw, entryId);
  if (!customer) throw new Error("names no customer (the recipient of an echo)");
  const timestamp = timeOf(item.timestamp);
  // "" when neither the item nor its entry names the Page: ingest then uses the channel's.
  const base: EventBase = { channel: "messenger", businessAccountId: business ?? "", participant: { id: customer }, timestamp };
  const events: NormalizedEvent[] = [];

  if (item.message) events.push(messageEvent(item.message, field(raw, "message"), base, messageContent));
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
    // A tapped button (Get Started included) reads, in the thread, as if the customer had typed its title.
    const { title, payload } = item.postback;
    events.push({
      ...base,
      kind: "message",
      direction: "INBOUND",
      // Older postbacks carry no mid: customer and time identify the tap, the same on every redelivery.
      externalId: item.postback.mid ?? `postback:${customer}:${timestamp.getTime()}`,
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
 * in delivery order.
 */
export function parseMessengerWebhook(payload: unknown): DeliveryItem[] {
  return parseMessagingDelivery(payload, { channel: "messenger", platform: "Messenger", schema: messagingSchema, itemEvents, unsupportedText: UNSUPPORTED_TEXT });
}
