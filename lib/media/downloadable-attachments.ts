import type { Attachment } from "@/lib/channels/types";

/**
 * Attachment kinds whose bytes live behind one of Meta's expiring links (Instagram CDN URL, WhatsApp
 * media id) and are worth keeping. Shares point at public posts, locations and contacts carry no file.
 */
const KEPT_KINDS: ReadonlySet<Attachment["kind"]> = new Set(["image", "video", "audio", "file", "sticker", "story", "story_mention"]);

export function isDownloadable(attachment: Attachment): boolean {
  return KEPT_KINDS.has(attachment.kind) && Boolean(attachment.mediaId || (attachment.url && /^https?:\/\//i.test(attachment.url)));
}

/** Images get a thumbnail: for the thread and the conversation list. */
export function isImageKind(kind: Attachment["kind"]): boolean {
  return kind === "image" || kind === "sticker" || kind === "story" || kind === "story_mention";
}

/**
 * The MediaFile rows to queue for a just-created message: one PENDING row per downloadable
 * attachment, due at once. A plain insert inside the ingest transaction; the download itself
 * happens in the media worker, after the webhook has been answered.
 */
export function pendingMediaRows(messageId: string, attachments: readonly Attachment[], now = new Date()) {
  return attachments.flatMap((attachment, attachmentIndex) =>
    isDownloadable(attachment)
      ? [{ messageId, attachmentIndex, status: "PENDING" as const, filename: attachment.filename ?? null, nextAttemptAt: now }]
      : [],
  );
}
