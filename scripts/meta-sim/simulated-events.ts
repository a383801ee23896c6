// Turns a simulator request ("3 image messages from ana on WhatsApp") into the deliveries to post,
// in order. Events that refer to a message (read, reaction, unsend, edit) bring that message along when no
// id is given, so the app sees a coherent conversation.
import { bsuidFor, displayNameFor, igsidFor, newNumericId, waIdFor } from "./ids";
import {
  instagramAttachment,
  instagramDeleted,
  instagramEcho,
  instagramAdReferral,
  instagramEdit,
  instagramLinkReferral,
  instagramPostback,
  instagramQuickReply,
  instagramReaction,
  instagramRead,
  instagramStoryMention,
  instagramStoryReply,
  instagramText,
  type InstagramDelivery,
} from "./instagram-payloads";
import {
  messengerAdReferral,
  messengerAttachmentItem,
  messengerDelivery,
  messengerDeliveryReceiptItem,
  messengerEchoItem,
  messengerPostbackItem,
  messengerReactionItem,
  messengerReadItem,
  messengerTextItem,
  messengerUnsendItem,
  psidFor,
  type MessengerDelivery,
} from "./messenger-payloads";
import type { Channel, SimulatedType } from "./simulator-args";
import {
  whatsappAdReferral,
  whatsappButton,
  whatsappEdit,
  whatsappMedia,
  whatsappReaction,
  whatsappStatus,
  whatsappText,
  type WhatsAppDelivery,
} from "./whatsapp-payloads";

import { instagramOddBatch, whatsappOddBatch } from "./odd-payloads";

export interface SimulatedEvent {
  channel: Channel;
  /** One line for the console: what happened, from whom. */
  description: string;
  payload: InstagramDelivery | WhatsAppDelivery | MessengerDelivery;
}

export interface EventRequest {
  channel: Channel;
  type: SimulatedType;
  from: string;
  account: string;
  graphUrl: string;
  text?: string;
  status?: "delivered" | "read" | "failed";
  messageId?: string;
  /** WhatsApp: the customer shows this username, so their phone is withheld and a BSUID sent. */
  username?: string;
  bsuid?: string;
  /** The ad or link the customer's text came from. */
  referral?: "ad" | "link" | "post";
  /** Epoch ms of the event; the simulator spaces a run's events a second apart. */
  timestamp: number;
}

const sampleTexts = [
  "Hi! Is the blue sofa still available?",
  "Do you deliver to Porto?",
  "What are your opening hours on Saturday?",
  "Can I pay in instalments?",
  "Is there a discount if I buy two?",
  "Could you send me more photos?",
];

export function sampleText(index: number): string {
  return sampleTexts[index % sampleTexts.length];
}

/** An image URL the app can actually fetch here: the fake Graph API's public CDN stand-in. */
function imageUrl(graphUrl: string): string {
  return `${graphUrl.replace(/\/+$/, "")}/cdn/ig/${newNumericId(16)}.png`;
}

// Message ids run to 100+ characters; the console only needs enough to tell them apart.
function shortId(id: string): string {
  return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-8)}` : id;
}

function instagramEvents(request: EventRequest): SimulatedEvent[] {
  const senderId = igsidFor(request.from);
  const who = `${displayNameFor(request.from)} (IGSID ${senderId})`;
  const base = { senderId, accountId: request.account, timestamp: request.timestamp };
  const event = (description: string, payload: InstagramDelivery): SimulatedEvent => ({ channel: "instagram", description, payload });
  const text = request.text ?? sampleText(0);
  const midOf = (delivery: InstagramDelivery) => delivery.entry[0].messaging[0].message?.mid ?? "";

  // A business message the customer can read or react to, when no --message-id names one.
  const businessMessage = () =>
    instagramEcho({ accountId: request.account, recipientId: senderId, text: "Thanks for your message! How can I help?", timestamp: request.timestamp - 1000 });

  switch (request.type) {
    case "text": {
      const referral = request.referral === "ad" ? instagramAdReferral() : request.referral === "link" ? instagramLinkReferral() : undefined;
      return [event(`text from ${who}${referral ? ` (from ${request.referral})` : ""}: "${text}"`, instagramText({ ...base, text, referral }))];
    }
    case "image":
    {
      const image = event(`image from ${who}`, instagramAttachment({ ...base, type: "image", url: imageUrl(request.graphUrl) }));
      // Instagram has no captions: people send the photo, then their words as a message of its own.
      if (!request.text) return [image];
      return [image, event(`text from ${who}: "${text}"`, instagramText({ ...base, text, timestamp: request.timestamp + 1 }))];
    }
    case "story-reply":
      return [event(`story reply from ${who}: "${text}"`, instagramStoryReply({ ...base, text, storyUrl: imageUrl(request.graphUrl) }))];
    case "echo":
      return [event(`echo (sent from the Instagram app) to ${who}: "${text}"`, instagramEcho({ accountId: request.account, recipientId: senderId, text, timestamp: request.timestamp }))];
    case "postback":
      return [event(`postback "Book a viewing" from ${who}`, instagramPostback(base))];
    case "quick-reply":
      return [event(`quick reply "Yes, please" from ${who}`, instagramQuickReply(base))];
    case "story-mention":
      return [event(`story mention from ${who}`, instagramStoryMention({ ...base, storyUrl: imageUrl(request.graphUrl) }))];
    case "edit": {
      if (request.messageId) return [event(`edit of ${shortId(request.messageId)} by ${who}: "${text}"`, instagramEdit({ ...base, mid: request.messageId, text }))];
      const original = instagramText({ ...base, text: "I'd like 2 chairs", timestamp: request.timestamp - 1000 });
      return [
        event(`text from ${who}: "I'd like 2 chairs"`, original),
        event(`edit of that message by ${who}: "${text}"`, instagramEdit({ ...base, mid: midOf(original), text })),
      ];
    }
    case "deleted": {
      if (request.messageId) return [event(`unsend of ${shortId(request.messageId)} by ${who}`, instagramDeleted({ ...base, mid: request.messageId }))];
      const original = instagramText({ ...base, text, timestamp: request.timestamp - 1000 });
      return [
        event(`text from ${who}: "${text}"`, original),
        event(`unsend of that message by ${who}`, instagramDeleted({ ...base, mid: midOf(original) })),
      ];
    }
    case "read":
    case "reaction": {
      const prior = request.messageId ? [] : [businessMessage()];
      const mid = request.messageId ?? midOf(prior[0]);
      const action =
        request.type === "read"
          ? event(`read receipt from ${who} up to ${shortId(mid)}`, instagramRead({ ...base, mid }))
          : event(`❤️ reaction from ${who} to ${shortId(mid)}`, instagramReaction({ ...base, mid }));
      return [...prior.map((delivery) => event(`echo (business message) to ${who}`, delivery)), action];
    }
    case "odd":
      return [event(`odd batch from ${who}: no mid, "${text}", a null-emoji un-reaction, an item without sender`, instagramOddBatch({ ...base, text }))];
    case "button":
    case "status":
      throw new Error(`${request.type} is a WhatsApp event`);
  }
}

function whatsappEvents(request: EventRequest): SimulatedEvent[] {
  // A customer with a username keeps their number from us: Meta sends "" and their BSUID instead.
  const from = request.username ? "" : waIdFor(request.from);
  const bsuid = request.bsuid ?? (request.username ? bsuidFor(request.from) : undefined);
  const name = displayNameFor(request.from);
  const who = request.username ? `${name} (@${request.username}, BSUID ${bsuid})` : `${name} (+${from}${bsuid ? `, BSUID ${bsuid}` : ""})`;
  const base = { from, bsuid, username: request.username, name, phoneNumberId: request.account, timestamp: request.timestamp };
  const event = (description: string, payload: WhatsAppDelivery): SimulatedEvent => ({ channel: "whatsapp", description, payload });
  const text = request.text ?? sampleText(0);

  switch (request.type) {
    case "text": {
      const referral = request.referral === "ad" ? whatsappAdReferral() : request.referral === "post" ? whatsappAdReferral({ source_type: "post", ctwa_clid: undefined }) : undefined;
      return [event(`text from ${who}${referral ? ` (from ${request.referral})` : ""}: "${text}"`, whatsappText({ ...base, text, referral }))];
    }
    case "image":
      return [event(`image from ${who}${request.text ? `: "${text}"` : ""}`, whatsappMedia({ ...base, type: "image", mimeType: "image/png", caption: request.text }))];
    case "reaction":
      return [event(`👍 reaction from ${who} to ${shortId(request.messageId ?? "")}`, whatsappReaction({ ...base, messageId: request.messageId ?? "" }))];
    case "button":
      return [event(`template button "Confirm" from ${who}`, whatsappButton(base))];
    case "odd":
      return [event(`odd batch from ${who}: "${text}", a location without type, an order, a message without sender`, whatsappOddBatch({ ...base, from: from || waIdFor(request.from), text }))];
    case "edit": {
      if (request.messageId) return [event(`edit of ${shortId(request.messageId)} by ${who}: "${text}"`, whatsappEdit({ ...base, messageId: request.messageId, text }))];
      const original = whatsappText({ ...base, text: "I'd like 2 chairs", timestamp: request.timestamp - 1000 });
      const wamid = original.entry[0].changes[0].value.messages?.[0].id ?? "";
      return [
        event(`text from ${who}: "I'd like 2 chairs"`, original),
        event(`edit of that message by ${who}: "${text}"`, whatsappEdit({ ...base, messageId: wamid, text })),
      ];
    }
    case "status": {
      const status = request.status ?? "delivered";
      return [
        event(
          `status ${status} for ${shortId(request.messageId ?? "")} (to ${who})`,
          whatsappStatus({ phoneNumberId: request.account, timestamp: request.timestamp, messageId: request.messageId ?? "", status, recipientId: from, recipientUserId: bsuid }),
        ),
      ];
    }
    default:
      throw new Error(`${request.type} is an Instagram event`);
  }
}

function messengerEvents(request: EventRequest): SimulatedEvent[] {
  const senderId = psidFor(request.from);
  const who = `${displayNameFor(request.from)} (PSID ${senderId})`;
  const base = { senderId, pageId: request.account, timestamp: request.timestamp };
  const event = (description: string, item: Record<string, unknown>): SimulatedEvent => ({
    channel: "messenger",
    description,
    payload: messengerDelivery([item], { pageId: request.account }),
  });
  const text = request.text ?? sampleText(0);
  const midOf = (item: Record<string, unknown>) => (item.message as { mid: string }).mid;
  // A Page message the customer can read or react to, when no --message-id names one.
  const pageMessage = () => messengerEchoItem({ ...base, text: "Thanks for your message! How can I help?", timestamp: request.timestamp - 1000 });

  switch (request.type) {
    case "text": {
      const referral = request.referral === "ad" ? messengerAdReferral() : request.referral === "link" ? { ref: "spring-sale", source: "SHORTLINK", type: "OPEN_THREAD" } : undefined;
      return [event(`text from ${who}${referral ? ` (from ${request.referral})` : ""}: "${text}"`, messengerTextItem({ ...base, text, referral }))];
    }
    case "image": {
      const image = event(`image from ${who}`, messengerAttachmentItem({ ...base, type: "image", url: imageUrl(request.graphUrl) }));
      if (!request.text) return [image];
      return [image, event(`text from ${who}: "${text}"`, messengerTextItem({ ...base, text, timestamp: request.timestamp + 1 }))];
    }
    case "echo":
      return [event(`echo (sent from the Page inbox) to ${who}: "${text}"`, messengerEchoItem({ ...base, text }))];
    case "postback":
      return [event(`postback "Get Started" from ${who}`, messengerPostbackItem({ ...base, title: "Get Started", payload: "GET_STARTED" }))];
    case "quick-reply":
      return [event(`quick reply "Yes, please" from ${who}`, messengerTextItem({ ...base, text: "Yes, please", quickReply: "YES" }))];
    case "deleted": {
      if (request.messageId) return [event(`unsend of ${shortId(request.messageId)} by ${who}`, messengerUnsendItem({ ...base, mid: request.messageId }))];
      const original = messengerTextItem({ ...base, text, timestamp: request.timestamp - 1000 });
      return [event(`text from ${who}: "${text}"`, original), event(`unsend of that message by ${who}`, messengerUnsendItem({ ...base, mid: midOf(original) }))];
    }
    case "read":
    case "reaction":
    case "status": {
      const prior = request.messageId ? [] : [pageMessage()];
      const mid = request.messageId ?? midOf(prior[0]);
      const action =
        request.type === "read"
          ? event(`read receipt from ${who}`, messengerReadItem({ ...base, watermark: request.timestamp }))
          : request.type === "status"
            ? event(`delivery receipt for ${shortId(mid)} (to ${who})`, messengerDeliveryReceiptItem({ ...base, mids: [mid] }))
            : event(`❤️ reaction from ${who} to ${shortId(mid)}`, messengerReactionItem({ ...base, targetMid: mid }));
      return [...prior.map((item) => event(`echo (Page message) to ${who}`, item)), action];
    }
    default:
      throw new Error(`${request.type} is not a Messenger event`);
  }
}

export function buildEvents(request: EventRequest): SimulatedEvent[] {
  if (request.channel === "messenger") return messengerEvents(request);
  return request.channel === "instagram" ? instagramEvents(request) : whatsappEvents(request);
}
