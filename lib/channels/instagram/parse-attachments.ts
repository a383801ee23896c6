import type { Attachment, MessageType } from "../types";
import type { InstagramAttachment } from "./webhook-schema";

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

// Posts, reels and links the customer forwards all arrive as shares of some URL.
const shares: Record<string, string> = {
  share: "Shared a post",
  ig_post: "Shared a post",
  ig_reel: "Shared a reel",
  reel: "Shared a reel",
  fallback: "Shared a link",
};

export function parseAttachment(raw: InstagramAttachment): ParsedAttachment {
  const url = raw.payload?.url;
  const withUrl = url ? { url } : {};
  const known = media[raw.type];
  if (known) {
    // Meta sends stickers (including the "like" heart) as images carrying a sticker_id.
    if (raw.type === "image" && raw.payload?.sticker_id !== undefined) {
      return { type: "STICKER", attachment: { kind: "sticker", ...withUrl, meta: { stickerId: String(raw.payload.sticker_id) } } };
    }
    return { type: known.type, attachment: { kind: known.kind, ...withUrl } };
  }
  if (raw.type === "like_heart") return { type: "STICKER", attachment: { kind: "sticker", meta: { sticker: "like_heart" } }, placeholder: "❤️" };
  if (raw.type === "story_mention") {
    // Instagram has no "mention" message type; a mention is the customer pointing at a story, the
    // same thing the thread shows for a story reply, and the attachment kind keeps the difference.
    return { type: "STORY_REPLY", attachment: { kind: "story_mention", ...withUrl }, placeholder: "Mentioned you in their story" };
  }
  const shareLabel = shares[raw.type];
  if (shareLabel) {
    const meta: Record<string, unknown> = { type: raw.type };
    if (raw.payload?.title) meta.title = raw.payload.title;
    if (raw.payload?.reel_video_id !== undefined) meta.reelVideoId = String(raw.payload.reel_video_id);
    return { type: "TEXT", attachment: { kind: "share", ...withUrl, meta }, placeholder: raw.payload?.title ?? shareLabel };
  }
  return {
    type: "UNSUPPORTED",
    attachment: { kind: "file", ...withUrl, meta: { type: raw.type } },
    placeholder: `Sent something this inbox can't show (${raw.type}). Open Instagram to see it.`,
  };
}
