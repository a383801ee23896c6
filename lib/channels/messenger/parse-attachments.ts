import type { Attachment, MessageType } from "../types";
import type { MessengerAttachment } from "./webhook-schema";

interface ParsedAttachment {
  attachment: Attachment;
  type: MessageType;
  /** Shown when the message has no text of its own, so the thread never shows an empty bubble. */
  placeholder?: string;
}

const media: Record<string, { kind: Attachment["kind"]; type: MessageType }> = {
  image: { kind: "image", type: "IMAGE" },
  video: { kind: "video", type: "VIDEO" },
  audio: { kind: "audio", type: "AUDIO" },
  file: { kind: "file", type: "FILE" },
};

export function parseMessengerAttachment(raw: MessengerAttachment): ParsedAttachment {
  const url = raw.payload?.url ?? raw.url;
  const withUrl = url ? { url } : {};
  const known = media[raw.type];
  if (known) {
    // Stickers (the thumbs-up included) arrive as images carrying a sticker_id.
    if (raw.type === "image" && raw.payload?.sticker_id !== undefined) {
      return { type: "STICKER", attachment: { kind: "sticker", ...withUrl, meta: { stickerId: String(raw.payload.sticker_id) } } };
    }
    return { type: known.type, attachment: { kind: known.kind, ...withUrl } };
  }
  if (raw.type === "fallback" || raw.type === "share") {
    // A link or post the customer shared: Messenger names it "fallback" (title and URL beside the payload).
    const title = raw.title ?? raw.payload?.title;
    return {
      type: "TEXT",
      attachment: { kind: "share", ...withUrl, meta: { type: raw.type, ...(title ? { title } : {}) } },
      placeholder: title ?? url ?? "Shared a link",
    };
  }
  return {
    type: "UNSUPPORTED",
    attachment: { kind: "file", ...withUrl, meta: { type: raw.type } },
    placeholder: `Sent something this inbox can't show (${raw.type}). Open Messenger to see it.`,
  };
}
