import type { OutboundAttachmentKind, OutboundMediaRule, OutboundMediaRules } from "@/lib/channels/types";

/**
 * Which kind of reply attachment a file is on a channel, or why it can't be sent there. Pure, so
 * the upload route and its tests share one rule; `storageCap` is our own limit (MEDIA_MAX_BYTES),
 * which may be stricter than Meta's.
 */

export type ReplyAttachmentCheck =
  | { ok: true; kind: OutboundAttachmentKind; rule: OutboundMediaRule }
  | { ok: false; code: "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE"; message: string };

const KIND_LABEL: Record<OutboundAttachmentKind, string> = { image: "images", video: "videos", audio: "audio", file: "documents" };

/** Browsers disagree on a few names for the same format; Meta documents one of each. */
const MIME_ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "audio/x-aac": "audio/aac", "audio/mp3": "audio/mpeg" };

export function normalizeMimeType(contentType: string): string {
  const bare = contentType.split(";")[0].trim().toLowerCase();
  return MIME_ALIASES[bare] ?? bare;
}

export function maxBytesFor(rule: OutboundMediaRule, storageCap: number): number {
  return Math.min(rule.maxBytes, storageCap);
}

export function checkReplyAttachment(
  rules: OutboundMediaRules,
  file: { contentType: string; size: number },
  channelLabel: string,
  storageCap: number,
): ReplyAttachmentCheck {
  const mimeType = normalizeMimeType(file.contentType);
  const entry = (Object.entries(rules) as [OutboundAttachmentKind, OutboundMediaRule][]).find(([, rule]) => rule.mimeTypes.includes(mimeType));
  if (!entry) {
    return {
      ok: false,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: `${channelLabel} can't send ${mimeType || "files of this type"}. Attach ${describeAccepted(rules)}.`,
    };
  }
  const [kind, rule] = entry;
  const limit = maxBytesFor(rule, storageCap);
  if (file.size > limit) {
    return { ok: false, code: "PAYLOAD_TOO_LARGE", message: `${channelLabel} ${KIND_LABEL[kind]} can be at most ${formatBytes(limit)}; this file is ${formatBytes(file.size)}.` };
  }
  if (file.size === 0) return { ok: false, code: "UNSUPPORTED_MEDIA_TYPE", message: "The file is empty." };
  return { ok: true, kind, rule };
}

/** For the file picker's `accept` attribute. */
export function acceptedMimeTypes(rules: OutboundMediaRules): string[] {
  return Object.values(rules).flatMap((rule) => [...(rule?.mimeTypes ?? [])]);
}

function describeAccepted(rules: OutboundMediaRules): string {
  const kinds = (Object.keys(rules) as OutboundAttachmentKind[]).map((kind) => {
    const types = rules[kind]!.mimeTypes.map((type) => type.split("/")[1].replace(/^x-/, "").replace(/^vnd\..*/, "office")).filter((name, index, all) => all.indexOf(name) === index);
    return `${KIND_LABEL[kind]} (${types.join(", ")})`;
  });
  return kinds.join(", ");
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
