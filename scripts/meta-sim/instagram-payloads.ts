// Instagram Messaging webhook deliveries (object "instagram") in Meta's documented shape; the
// fixtures in ./fixtures/instagram are what these must reproduce field for field.
import { newInstagramMid } from "./ids";

export const DEMO_INSTAGRAM_ACCOUNT_ID = "17841400000000001";
export const DEMO_IGSID = "6543210987654321";

export type InstagramAttachmentType = "image" | "video" | "audio" | "file" | "story_mention";

export interface InstagramMessage {
  mid: string;
  text?: string;
  attachments?: { type: InstagramAttachmentType; payload: { url: string } }[];
  is_echo?: true;
  is_deleted?: true;
  quick_reply?: { payload: string };
  reply_to?: { mid: string } | { story: { url: string; id: string } };
  referral?: InstagramReferral;
}

/** On the first message after a click-to-Instagram-Direct ad (source "ADS") or an ig.me link with a ref ("SHORTLINK"). */
export interface InstagramReferral {
  ref?: string;
  ad_id?: string;
  source: "ADS" | "SHORTLINK";
  type: "OPEN_THREAD";
  ads_context_data?: { ad_title?: string; photo_url?: string; video_url?: string; post_id?: string };
}

export function instagramAdReferral(overrides: Partial<InstagramReferral> = {}): InstagramReferral {
  return {
    ref: "spring_campaign",
    ad_id: "120219876543210987",
    source: "ADS",
    type: "OPEN_THREAD",
    ads_context_data: { ad_title: "Linen sofas for spring", photo_url: "https://scontent.example/ad-photo.jpg", post_id: "17900000000000001" },
    ...overrides,
  };
}

export function instagramLinkReferral(ref = "shop_window"): InstagramReferral {
  return { ref, source: "SHORTLINK", type: "OPEN_THREAD" };
}

export interface InstagramMessaging {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message?: InstagramMessage;
  read?: { mid: string };
  reaction?: { mid: string; action: "react" | "unreact"; reaction?: string; emoji?: string };
  postback?: { mid: string; title: string; payload: string };
  message_edit?: { mid: string; text: string; num_edit: number };
}

export interface InstagramEntry {
  id: string;
  time: number;
  messaging: InstagramMessaging[];
}

export interface InstagramDelivery {
  object: "instagram";
  entry: InstagramEntry[];
}

export interface InstagramEventOptions {
  /** The customer's Instagram-scoped id (IGSID). */
  senderId?: string;
  /** The business's Instagram account id (the webhook entry id). */
  accountId?: string;
  /** Event time in epoch milliseconds; defaults to now. */
  timestamp?: number;
}

interface Resolved {
  senderId: string;
  accountId: string;
  timestamp: number;
}

function resolve(options: InstagramEventOptions): Resolved {
  return {
    senderId: options.senderId ?? DEMO_IGSID,
    accountId: options.accountId ?? DEMO_INSTAGRAM_ACCOUNT_ID,
    timestamp: options.timestamp ?? Date.now(),
  };
}

// Meta stamps the entry with the whole second after the newest event it carries.
function entryTime(timestamps: number[]): number {
  return Math.floor(Math.max(...timestamps) / 1000) * 1000 + 1000;
}

function deliver(accountId: string, item: InstagramMessaging): InstagramDelivery {
  return { object: "instagram", entry: [{ id: accountId, time: entryTime([item.timestamp]), messaging: [item] }] };
}

function inbound(options: InstagramEventOptions, event: Omit<InstagramMessaging, "sender" | "recipient" | "timestamp">) {
  const { senderId, accountId, timestamp } = resolve(options);
  return deliver(accountId, { sender: { id: senderId }, recipient: { id: accountId }, timestamp, ...event });
}

export function instagramText(
  options: InstagramEventOptions & { text?: string; mid?: string; replyToMid?: string; referral?: InstagramReferral } = {},
): InstagramDelivery {
  const message: InstagramMessage = {
    mid: options.mid ?? newInstagramMid(options.accountId),
    text: options.text ?? "Hi! Is the blue sofa still available?",
  };
  if (options.replyToMid) message.reply_to = { mid: options.replyToMid };
  if (options.referral) message.referral = options.referral;
  return inbound(options, { message });
}

export function instagramAttachment(
  options: InstagramEventOptions & { type?: Exclude<InstagramAttachmentType, "story_mention">; url?: string; mid?: string } = {},
): InstagramDelivery {
  const type = options.type ?? "image";
  const url = options.url ?? `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${Date.now()}&signature=abc`;
  return inbound(options, {
    message: { mid: options.mid ?? newInstagramMid(options.accountId), attachments: [{ type, payload: { url } }] },
  });
}

export function instagramStoryReply(
  options: InstagramEventOptions & { text?: string; mid?: string; storyId?: string; storyUrl?: string } = {},
): InstagramDelivery {
  const storyId = options.storyId ?? "18000000000000001";
  return inbound(options, {
    message: {
      mid: options.mid ?? newInstagramMid(options.accountId),
      text: options.text ?? "Love this colour, what's the price?",
      reply_to: {
        story: { url: options.storyUrl ?? `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${storyId}`, id: storyId },
      },
    },
  });
}

/** The customer mentioned the business in their story: an attachment of type "story_mention". */
export function instagramStoryMention(
  options: InstagramEventOptions & { mid?: string; storyUrl?: string } = {},
): InstagramDelivery {
  const url = options.storyUrl ?? `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${Date.now()}`;
  return inbound(options, {
    message: { mid: options.mid ?? newInstagramMid(options.accountId), attachments: [{ type: "story_mention", payload: { url } }] },
  });
}

/** A message the business sent from the Instagram app itself: sender and recipient are swapped. */
/** The business's own message (sent from the inbox or the Instagram app): text, or one attachment. */
export function instagramEcho(
  options: Omit<InstagramEventOptions, "senderId"> & {
    recipientId?: string;
    text?: string;
    mid?: string;
    attachment?: { type: Exclude<InstagramAttachmentType, "story_mention">; url: string };
  } = {},
): InstagramDelivery {
  const { accountId, timestamp } = resolve(options);
  const content = options.attachment
    ? { attachments: [{ type: options.attachment.type, payload: { url: options.attachment.url } }] }
    : { text: options.text ?? "Yes it is! Want me to hold it for you?" };
  return deliver(accountId, {
    sender: { id: accountId },
    recipient: { id: options.recipientId ?? DEMO_IGSID },
    timestamp,
    message: { mid: options.mid ?? newInstagramMid(accountId), ...content, is_echo: true },
  });
}

/** The customer unsent a message. */
export function instagramDeleted(options: InstagramEventOptions & { mid: string }): InstagramDelivery {
  return inbound(options, { message: { mid: options.mid, is_deleted: true } });
}

/** The customer read the business's messages up to `mid`. */
export function instagramRead(options: InstagramEventOptions & { mid: string }): InstagramDelivery {
  return inbound(options, { read: { mid: options.mid } });
}

/** A reaction by the customer, or with `byBusiness` one the business made in the Instagram app (sender and recipient swapped). */
export function instagramReaction(
  options: InstagramEventOptions & { mid: string; action?: "react" | "unreact"; reaction?: string; emoji?: string; byBusiness?: boolean },
): InstagramDelivery {
  // Meta omits reaction and emoji when a reaction is removed.
  const reaction =
    options.action === "unreact"
      ? { mid: options.mid, action: "unreact" as const }
      : { mid: options.mid, action: "react" as const, reaction: options.reaction ?? "love", emoji: options.emoji ?? "\u2764\ufe0f" };
  if (!options.byBusiness) return inbound(options, { reaction });
  const { senderId, accountId, timestamp } = resolve(options);
  return deliver(accountId, { sender: { id: accountId }, recipient: { id: senderId }, timestamp, reaction });
}

/** The customer edited a message they sent earlier (`message_edit` webhook field). */
export function instagramEdit(options: InstagramEventOptions & { mid: string; text: string; numEdit?: number }): InstagramDelivery {
  return inbound(options, { message_edit: { mid: options.mid, text: options.text, num_edit: options.numEdit ?? 1 } });
}

/** The customer tapped a button (generic template / ice breaker). */
export function instagramPostback(
  options: InstagramEventOptions & { mid?: string; title?: string; payload?: string } = {},
): InstagramDelivery {
  return inbound(options, {
    postback: {
      mid: options.mid ?? newInstagramMid(options.accountId),
      title: options.title ?? "Book a viewing",
      payload: options.payload ?? "BOOK_VIEWING",
    },
  });
}

/** The customer tapped a quick reply: a text message that also carries the quick reply's payload. */
export function instagramQuickReply(
  options: InstagramEventOptions & { mid?: string; text?: string; payload?: string } = {},
): InstagramDelivery {
  return inbound(options, {
    message: {
      mid: options.mid ?? newInstagramMid(options.accountId),
      text: options.text ?? "Yes, please",
      quick_reply: { payload: options.payload ?? "YES" },
    },
  });
}

/**
 * One delivery carrying several entries, as Meta batches under load: each group becomes one entry
 * whose `messaging` holds the groups' events in order.
 */
export function instagramBatch(groups: InstagramDelivery[][]): InstagramDelivery {
  return {
    object: "instagram",
    entry: groups.map((group) => {
      const messaging = group.flatMap((delivery) => delivery.entry.flatMap((entry) => entry.messaging));
      return { id: group[0].entry[0].id, time: entryTime(messaging.map((item) => item.timestamp)), messaging };
    }),
  };
}
