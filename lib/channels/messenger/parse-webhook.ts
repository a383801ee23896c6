import { deliveryEntries, field, idAt, parseItem, pathOf, understood, unreadable, unsupportedAttachment } from "../meta/delivery-item";
import { asStandby, threadOwnerEvents } from "../meta/handover-items";
import { optionalEpoch } from "../meta/lenient";
import { withoutEmpty } from "../meta/without-empty";
import type { Attachment, DeliveryItem, MessageType, NormalizedEvent, Participant, Referral } from "../types";
import { parseMessengerAttachment } from "./parse-attachments";
import { messagingSchema, type MessengerMessage, type MessengerMessaging, type MessengerReferral } from "./webhook-schema";

type EventBase = { channel: "messenger"; businessAccountId: string; participant: Participant; timestamp: Date };
type MessageEvent = Extract<NormalizedEvent, { kind: "message" }>;

const UNSUPPORTED_TEXT = "Sent a message this inbox can't show. Open Messenger to see it.";

function reactionEmoji(reaction: { reaction?: string; emoji?: string }): string | null {
  if (reaction.emoji) return reaction.emoji;
  if (reaction.reaction === "love") return "❤️";
  return reaction.reaction ?? null;
}

function messageContent(message: MessengerMessage, raw: unknown): Pick<MessageEvent, "type" | "text" | "attachments"> {
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

function messageEvent(message: MessengerMessage, raw: unknown, base: EventBase): NormalizedEvent {
  if (message.is_deleted) return { ...base, kind: "message_deleted", externalId: message.mid };
  return {
    ...base,
    kind: "message",
    direction: message.is_echo ? "OUTBOUND" : "INBOUND",
    externalId: message.mid,
    ...messageContent(message, raw),
    ...(message.reply_to?.mid ? { replyToExternalId: message.reply_to.mid } : {}),
    ...(message.is_echo ? { isEcho: true } : {}),
    ...(message.referral ? { referral: referralOf(message.referral) } : {}),
  };
}

/** Who the conversation is with, and which Page: echoes come with sender and recipient swapped. */
function sides(raw: unknown, entryId: string | undefined) {
  const sender = idAt(raw, "sender", "id");
  const recipient = idAt(raw, "recipient", "id");
  const fromBusiness = field(field(raw, "message"), "is_echo") === true || (sender !== undefined && sender === entryId);
  return fromBusiness
    ? { fromBusiness, customer: recipient, business: sender ?? entryId }
    : { fromBusiness, customer: sender, business: recipient ?? entryId };
}

// An item without a time of its own happened when it came: process-event.ts clamps anything after
// the delivery's arrival to the arrival, and "now" always is.
const timeOf = (timestamp: Date | undefined) => timestamp ?? new Date();

/** One `messaging[]` item → its events. The conversation is always keyed by the customer (PSID). */
function itemEvents(item: MessengerMessaging, raw: unknown, entryId: string | undefined): NormalizedEvent[] {
  const { fromBusiness, customer, business } = sides(raw, entryId);
  if (!customer) throw new Error("names no customer (the recipient of an echo)");
  const timestamp = timeOf(item.timestamp);
  // "" when neither the item nor its entry names the Page: ingest then uses the channel's.
  const base: EventBase = { channel: "messenger", businessAccountId: business ?? "", participant: { id: customer }, timestamp };
  const events: NormalizedEvent[] = [];

  if (item.message) events.push(messageEvent(item.message, field(raw, "message"), base));
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

/** One `messaging[]` item on its own: its events, or, when it can't be read, what is wrong with it. */
function parseMessaging(raw: unknown, path: string, entryId: string | undefined): DeliveryItem {
  const parsed = parseItem(messagingSchema, raw, path);
  if ("data" in parsed) {
    try {
      return understood(path, itemEvents(parsed.data, raw, entryId));
    } catch (error) {
      return { path, events: [], error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const { fromBusiness, customer, business } = sides(raw, entryId);
  const timestamp = optionalEpoch.safeParse(field(raw, "timestamp"));
  return unreadable({
    path,
    raw,
    error: parsed.error,
    text: UNSUPPORTED_TEXT,
    externalId: idAt(raw, "message", "mid"),
    sender: customer
      ? {
          channel: "messenger",
          businessAccountId: business ?? "",
          participant: { id: customer },
          timestamp: timeOf(timestamp.success ? timestamp.data : undefined),
          direction: fromBusiness ? "OUTBOUND" : "INBOUND",
        }
      : undefined,
  });
}

/**
 * One webhook delivery → its items (every `messaging[]` element of every entry, then its `standby[]`
 * ones: messages sent while another app, e.g. a chatbot, holds the thread), each parsed on its own,
 * in delivery order.
 */
export function parseMessengerWebhook(payload: unknown): DeliveryItem[] {
  return deliveryEntries(payload, "Messenger").flatMap((entry, entryIndex) => {
    const entryId = idAt(entry, "id");
    const itemsOf = (list: "messaging" | "standby") => {
      const items = field(entry, list);
      if (items === undefined || items === null) return [];
      const path = pathOf("entry", entryIndex, list);
      if (!Array.isArray(items)) return [{ path, events: [], error: `${path}: expected an array` }];
      return items.map((raw, index) => parseMessaging(raw, pathOf(path, index), entryId));
    };
    return [...itemsOf("messaging"), ...itemsOf("standby").map(asStandby)];
  });
}
