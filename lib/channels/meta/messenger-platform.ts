// Instagram Messaging is Meta's Messenger Platform with Instagram accounts: the same `messaging[]` /
// `standby[]` items, the same referrals, reactions and echoes, and the same Send API. What the two
// channels share lives here; each channel's folder keeps only what its platform adds (Instagram's
// story replies and shares, Messenger's fallback attachments and delivery receipts).
import { z, type ZodType } from "zod";
import { deliveryEntries, field, idAt, parseItem, pathOf, understood, unreadable } from "./delivery-item";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "./graph-client";
import { asStandby } from "./handover-items";
import { optional, optionalEpoch, optionalText } from "./lenient";
import { requireSetting } from "./require-setting";
import { withoutEmpty } from "./without-empty";
import type { ChannelCredentials, ChannelKey, DeliveryItem, NormalizedEvent, Participant, Referral, SendResult } from "../types";

export type PlatformChannel = Extract<ChannelKey, "instagram" | "messenger">;
export type EventBase = { channel: PlatformChannel; businessAccountId: string; participant: Participant; timestamp: Date };
type MessageEvent = Extract<NormalizedEvent, { kind: "message" }>;
export type MessageContent = Pick<MessageEvent, "type" | "text" | "attachments">;

export const referralSchema = z.object({
  ref: optionalText,
  ad_id: optionalText,
  source: optionalText,
  type: optionalText,
  ads_context_data: optional(
    z.object({ ad_title: optionalText, photo_url: optionalText, video_url: optionalText, post_id: optionalText, product_id: optionalText }),
  ),
});
export type PlatformReferral = z.output<typeof referralSchema>;

/** Meta's referral, normalised: an ad id (source "ADS") is an ad, an ig.me / m.me link's ref a link, anything else organic. */
export function referralOf(referral: PlatformReferral): Referral {
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

export function reactionEmoji(reaction: { reaction?: string; emoji?: string }): string | null {
  if (reaction.emoji) return reaction.emoji;
  if (reaction.reaction === "love") return "❤️";
  return reaction.reaction ?? null;
}

interface PlatformMessage {
  mid: string;
  is_deleted?: boolean;
  is_echo?: boolean;
  reply_to?: { mid?: string };
  referral?: PlatformReferral;
}

/** A `message` object → a message event (or its unsend), its content read by the channel's own rules. */
export function messageEvent<Message extends PlatformMessage>(
  message: Message,
  raw: unknown,
  base: EventBase,
  contentOf: (message: Message, raw: unknown) => MessageContent,
): NormalizedEvent {
  if (message.is_deleted) return { ...base, kind: "message_deleted", externalId: message.mid };
  return {
    ...base,
    kind: "message",
    direction: message.is_echo ? "OUTBOUND" : "INBOUND",
    externalId: message.mid,
    ...contentOf(message, raw),
    ...(message.reply_to?.mid ? { replyToExternalId: message.reply_to.mid } : {}),
    ...(message.is_echo ? { isEcho: true } : {}),
    ...(message.referral ? { referral: referralOf(message.referral) } : {}),
  };
}

/** Who the conversation is with, and which of our accounts: echoes come with sender and recipient swapped. */
export function messagingSides(raw: unknown, entryId: string | undefined) {
  const sender = idAt(raw, "sender", "id");
  const recipient = idAt(raw, "recipient", "id");
  const fromBusiness = field(field(raw, "message"), "is_echo") === true || (sender !== undefined && sender === entryId);
  return fromBusiness
    ? { fromBusiness, customer: recipient, business: sender ?? entryId }
    : { fromBusiness, customer: sender, business: recipient ?? entryId };
}

// An item without a time of its own happened when it came: process-event.ts clamps anything after
// the delivery's arrival to the arrival, and "now" always is.
export const timeOf = (timestamp: Date | undefined) => timestamp ?? new Date();

interface PlatformParser<Item> {
  channel: PlatformChannel;
  /** For error texts: "Instagram", "Messenger". */
  platform: string;
  schema: ZodType<Item>;
  /** One understood item → its events; throws when the item can't be stored (e.g. no customer). */
  itemEvents(item: Item, raw: unknown, entryId: string | undefined): NormalizedEvent[];
  /** The thread's text for an item that can't be read. */
  unsupportedText: string;
}

/** One `messaging[]` item on its own: its events, or, when it can't be read, what is wrong with it. */
function parseMessagingItem<Item>(parser: PlatformParser<Item>, raw: unknown, path: string, entryId: string | undefined): DeliveryItem {
  const parsed = parseItem(parser.schema, raw, path);
  if ("data" in parsed) {
    try {
      return understood(path, parser.itemEvents(parsed.data, raw, entryId));
    } catch (error) {
      return { path, events: [], error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const { fromBusiness, customer, business } = messagingSides(raw, entryId);
  const timestamp = optionalEpoch.safeParse(field(raw, "timestamp"));
  return unreadable({
    path,
    raw,
    error: parsed.error,
    text: parser.unsupportedText,
    externalId: idAt(raw, "message", "mid"),
    sender: customer
      ? {
          channel: parser.channel,
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
export function parseMessagingDelivery<Item>(payload: unknown, parser: PlatformParser<Item>): DeliveryItem[] {
  return deliveryEntries(payload, parser.platform).flatMap((entry, entryIndex) => {
    const entryId = idAt(entry, "id");
    const itemsOf = (list: "messaging" | "standby") => {
      const items = field(entry, list);
      if (items === undefined || items === null) return [];
      const path = pathOf("entry", entryIndex, list);
      if (!Array.isArray(items)) return [{ path, events: [], error: `${path}: expected an array` }];
      return items.map((raw, index) => parseMessagingItem(parser, raw, pathOf(path, index), entryId));
    };
    return [...itemsOf("messaging"), ...itemsOf("standby").map(asStandby)];
  });
}

const sendAnswerSchema = z.object({ message_id: z.string().min(1), recipient_id: z.string().optional() });

// Inside 24 h a reply is a RESPONSE; after that, up to 7 days, only with the HUMAN_AGENT tag.
function messagingFields(humanAgent: boolean | undefined) {
  return humanAgent ? { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } : { messaging_type: "RESPONSE" };
}

/** The Send API: `POST /{account or Page id}/messages` with the account's token. */
export async function sendApiMessage(
  channel: PlatformChannel,
  creds: ChannelCredentials,
  input: { to: string; humanAgent?: boolean; message: Record<string, unknown> },
  options?: GraphClientOptions,
): Promise<SendResult> {
  const accountId = requireSetting(creds.accountId, channel, channel === "messenger" ? "Page id" : "account id");
  const answer = await graphRequest(
    creds,
    {
      method: "POST",
      path: `/${encodeURIComponent(accountId)}/messages`,
      body: { recipient: { id: input.to }, ...messagingFields(input.humanAgent), message: input.message },
    },
    { channel, ...options },
  );
  return { externalId: parseGraphAnswer(sendAnswerSchema, answer, channel).message_id };
}
