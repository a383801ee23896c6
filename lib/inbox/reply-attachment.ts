import { ApiError } from "@/lib/api/errors";
import type { Attachment, ChannelAdapter, MessageType, OutboundAttachmentKind } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkReplyAttachment } from "@/lib/media/reply-attachment-rules";

/** A file staff uploaded for a reply (lib/media/upload-reply-attachment.ts), as the reply uses it. */
export interface ReplyUpload {
  id: string;
  kind: OutboundAttachmentKind;
  contentType: string;
  filename: string;
  storageKey: string;
}

const MESSAGE_TYPES: Record<OutboundAttachmentKind, MessageType> = { image: "IMAGE", video: "VIDEO", audio: "AUDIO", file: "FILE" };

export function messageTypeOf(kind: OutboundAttachmentKind): MessageType {
  return MESSAGE_TYPES[kind];
}

/**
 * The caller's own unsent upload, checked again against this conversation's channel: an upload made
 * in an Instagram thread may not fit WhatsApp's limits.
 */
export async function findReplyUpload(adapter: ChannelAdapter, id: string, userId: string): Promise<ReplyUpload> {
  const file = await db.mediaFile.findFirst({
    where: { id, uploadedById: userId, status: "STORED" },
    select: { id: true, messageId: true, storageKey: true, contentType: true, size: true, filename: true },
  });
  if (!file?.storageKey || !file.contentType) {
    throw new ApiError({ code: "NOT_FOUND", message: "That attachment is gone. Attach the file again." });
  }
  if (file.messageId) {
    throw new ApiError({ code: "CONFLICT", message: "This attachment was already sent. Attach the file again to send it once more." });
  }
  const check = checkReplyAttachment(adapter.outboundMedia, { contentType: file.contentType, size: file.size ?? 0 }, adapter.label, env.MEDIA_MAX_BYTES);
  if (!check.ok) throw new ApiError({ code: check.code, message: check.message });
  return { id: file.id, kind: check.kind, contentType: file.contentType, filename: file.filename ?? "file", storageKey: file.storageKey };
}

/** A failed reply's file, for its retry: the message row says what kind it went out as. */
export function replyUploadOf(
  file: { id: string; storageKey: string | null; contentType: string | null; filename: string | null },
  attachments: unknown,
): ReplyUpload | undefined {
  const first = (Array.isArray(attachments) ? attachments[0] : undefined) as Attachment | undefined;
  const kind = first?.kind;
  if (!file.storageKey || !file.contentType || !(kind === "image" || kind === "video" || kind === "audio" || kind === "file")) return undefined;
  return { id: file.id, kind, contentType: file.contentType, filename: file.filename ?? "file", storageKey: file.storageKey };
}
