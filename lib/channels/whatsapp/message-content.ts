import { unsupportedAttachment } from "../meta/delivery-item";
import type { Attachment, MessageType } from "../types";
import type { WhatsAppContactCard, WhatsAppMessage } from "./webhook-schema";

interface Content {
  type: MessageType;
  text: string | null;
  attachments: Attachment[];
}

const mediaKinds = {
  image: { kind: "image", type: "IMAGE" },
  video: { kind: "video", type: "VIDEO" },
  audio: { kind: "audio", type: "AUDIO" },
  document: { kind: "file", type: "FILE" },
  sticker: { kind: "sticker", type: "STICKER" },
} as const;

type MediaField = keyof typeof mediaKinds;

const isMediaField = (type: string): type is MediaField => type in mediaKinds;

/** WhatsApp media carries no URL: the file is fetched later by id (`media.download`) with the token. */
function mediaContent(message: WhatsAppMessage, field: MediaField): Content | undefined {
  const media = message[field];
  if (!media) return undefined;
  const { kind, type } = mediaKinds[field];
  const attachment: Attachment = { kind, mediaId: media.id };
  if (media.mime_type) attachment.mimeType = media.mime_type;
  if (media.filename) attachment.filename = media.filename;
  if (media.caption) attachment.caption = media.caption;
  if (media.voice) attachment.meta = { voice: true };
  return { type, text: media.caption ?? null, attachments: [attachment] };
}

function contactLine(card: WhatsAppContactCard): string {
  const name = card.name?.formatted_name ?? ([card.name?.first_name, card.name?.last_name].filter(Boolean).join(" ") || "Unnamed contact");
  const phones = (card.phones ?? []).map((phone) => phone.phone ?? phone.wa_id).filter(Boolean);
  return phones.length ? `${name} (${phones.join(", ")})` : name;
}

/** A type we don't show (Meta's own "unsupported", an order, a type newer than this code): its raw JSON is kept for the team. */
function unsupported(message: WhatsAppMessage, raw: unknown): Content {
  if (message.type === "system" && message.system?.body) return { type: "UNSUPPORTED", text: `ℹ️ ${message.system.body}`, attachments: [] };
  const what = message.type === "unsupported" || message.type === "unknown" ? "" : ` (${message.type})`;
  return {
    type: "UNSUPPORTED",
    text: `Sent a message this inbox can't show yet${what}. Check WhatsApp on the business phone.`,
    attachments: [unsupportedAttachment(raw, `type "${message.type}" is not shown by this inbox`)],
  };
}

/**
 * What the thread shows for one inbound WhatsApp message (reactions are events, handled by the
 * caller); `raw` is the message as it arrived, kept when we can't show it.
 */
export function messageContent(message: WhatsAppMessage, raw: unknown): Content {
  if (message.type === "text" && message.text) return { type: "TEXT", text: message.text.body, attachments: [] };
  if (isMediaField(message.type)) return mediaContent(message, message.type) ?? unsupported(message, raw);

  if (message.type === "location" && message.location) {
    const { latitude, longitude, name, address, url } = message.location;
    const label = [name, address].filter(Boolean).join(", ");
    return {
      type: "TEXT",
      text: `📍 Location: ${label || `${latitude}, ${longitude}`}`,
      attachments: [{ kind: "location", meta: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}), ...(url ? { url } : {}) } }],
    };
  }
  if (message.type === "contacts" && message.contacts.length) {
    const lines = message.contacts.map(contactLine);
    return {
      type: "TEXT",
      text: `👤 ${lines.length === 1 ? "Contact" : "Contacts"}: ${lines.join("; ")}`,
      attachments: [{ kind: "contacts", meta: { contacts: message.contacts } }],
    };
  }
  // Tapped buttons and list rows read, in the thread, as if the customer had typed the title.
  const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
  if (message.type === "interactive" && reply) {
    return { type: "TEXT", text: reply.title, attachments: [{ kind: "interactive", meta: { type: message.interactive?.type, id: reply.id } }] };
  }
  if (message.type === "button" && message.button) {
    const meta = message.button.payload === undefined ? { type: "button" } : { type: "button", payload: message.button.payload };
    return { type: "TEXT", text: message.button.text, attachments: [{ kind: "interactive", meta }] };
  }
  return unsupported(message, raw);
}
