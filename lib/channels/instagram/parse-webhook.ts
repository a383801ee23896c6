import { parsePayload } from "../meta/parse-payload";
import { withoutEmpty } from "../meta/without-empty";
import type { Attachment, MessageType, NormalizedEvent, Participant, Referral } from "../types";
import { parseAttachment } from "./parse-attachments";
import { instagramWebhookSchema, type InstagramMessage, type InstagramMessaging } from "./webhook-schema";

type EventBase = { channel: "instagram"; businessAccountId: string; participant: Participant; timestamp: Date };
type MessageEvent = Extract<NormalizedEvent, { kind: "message" }>;

const UNSUPPORTED_TEXT = "Sent a message this inbox can't show. Open Instagram to see it.";

// Meta documents milliseconds, but some Instagram webhook versions send seconds; anything below
// 10^12 would be a date in 1970 as milliseconds.
function toDate(epoch: number): Date {
  return new Date(epoch < 1e12 ? epoch * 1000 : epoch);
}

function reactionEmoji(reaction: { reaction?: string; emoji?: string }): string | null {
  if (reaction.emoji) return reaction.emoji;
  if (reaction.reaction === "love") return "❤️";
  return reaction.reaction ?? null;
}

function messageContent(message: InstagramMessage): Pick<MessageEvent, "type" | "text" | "attachments"> {
  const text = message.text ?? null;
  if (message.is_unsupported) return { type: "UNSUPPORTED", text: UNSUPPORTED_TEXT, attachments: [] };

  const attachments: Attachment[] = [];
  let type: MessageType | undefined;
  let placeholder: string | undefined;
  for (const raw of message.attachments ?? []) {
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

type InstagramReferral = NonNullable<InstagramMessage["referral"]>;

/** Meta's referral, normalised: an ad id (source "ADS") is an ad, an ig.me link's ref a link. */
function referralOf(referral: InstagramReferral | undefined): Referral | undefined {
  if (!referral) return undefined;
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

function messageEvent(message: InstagramMessage, base: EventBase): NormalizedEvent {
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

function itemEvents(item: InstagramMessaging, entryId: string): NormalizedEvent[] {
  // Echoes (and anything else the business itself did) come with sender and recipient swapped:
  // the conversation is always keyed by the customer.
  const fromBusiness = item.message?.is_echo === true || item.sender.id === entryId;
  const [business, customer] = fromBusiness ? [item.sender, item.recipient] : [item.recipient, item.sender];
  const base: EventBase = {
    channel: "instagram",
    businessAccountId: business.id,
    participant: { id: customer.id },
    timestamp: toDate(item.timestamp),
  };
  const events: NormalizedEvent[] = [];

  if (item.message) events.push(messageEvent(item.message, base));
  if (item.message_edit && item.message_edit.text !== undefined) {
    events.push({ ...base, kind: "message_edited", externalId: item.message_edit.mid, text: item.message_edit.text });
  }
  if (item.read) {
    events.push({
      ...base,
      kind: "read",
      ...(item.read.mid ? { upToExternalId: item.read.mid } : {}),
      ...(item.read.watermark !== undefined ? { watermark: toDate(item.read.watermark) } : {}),
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

/** One webhook delivery → every event in it, across all entries, in delivery order. */
export function parseInstagramWebhook(payload: unknown): NormalizedEvent[] {
  const webhook = parsePayload(instagramWebhookSchema, payload, "Instagram");
  return webhook.entry.flatMap((entry) => (entry.messaging ?? []).flatMap((item) => itemEvents(item, entry.id)));
}
