import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { OutboundAttachmentKind } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireChannel } from "@/lib/inbox/require-channel";
import { bytesMatchType } from "./magic-bytes";
import { makeThumbnail } from "./make-thumbnail";
import { thumbnailKeyOf } from "./media-storage";
import { checkReplyAttachment, normalizeMimeType } from "./reply-attachment-rules";
import { mediaStorage } from "./storage";

/**
 * A file staff attach to a reply, kept before the reply is sent: checked against what the
 * conversation's channel accepts (Meta's formats and sizes), stored in media storage, and recorded
 * as a MediaFile owned by its uploader and tied to no message until a reply carries it.
 */

export interface ReplyAttachmentUpload {
  id: string;
  kind: OutboundAttachmentKind;
  contentType: string;
  size: number;
  filename: string;
  width: number | null;
  height: number | null;
}

/** Unsent uploads older than this are deleted by the media worker's sweep. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export async function uploadReplyAttachment(input: {
  conversationId: string;
  userId: string;
  file: { body: Uint8Array; contentType: string; filename: string };
}): Promise<ReplyAttachmentUpload> {
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { channel: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const adapter = requireChannel(conversation.channel);
  const contentType = normalizeMimeType(input.file.contentType);
  const check = checkReplyAttachment(adapter.outboundMedia, { contentType, size: input.file.body.byteLength }, adapter.label, env.MEDIA_MAX_BYTES);
  if (!check.ok) throw new ApiError({ code: check.code, message: check.message });
  // The declared type is the uploader's word; the customer's app trusts it. The bytes must agree.
  if (!bytesMatchType(contentType, input.file.body)) {
    throw new ApiError({ code: "UNSUPPORTED_MEDIA_TYPE", message: `This file's contents are not ${contentType}, as its type claims.` });
  }

  // Meta rejects an image it can't decode long after the upload; a file that isn't one is refused now.
  const thumbnail = check.kind === "image" ? await makeThumbnail(input.file.body) : null;
  if (check.kind === "image" && !thumbnail) {
    throw new ApiError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "This file is not a readable image." });
  }

  const id = randomUUID().replaceAll("-", "");
  const storage = mediaStorage();
  await storage.put(id, input.file.body, contentType);
  if (thumbnail) await storage.put(thumbnailKeyOf(id), thumbnail.body, "image/webp");
  const filename = safeFilename(input.file.filename, check.kind);
  try {
    await db.mediaFile.create({
      data: {
        id,
        status: "STORED",
        storageKey: id,
        thumbnailKey: thumbnail ? thumbnailKeyOf(id) : null,
        contentType,
        size: input.file.body.byteLength,
        filename,
        width: thumbnail?.width ?? null,
        height: thumbnail?.height ?? null,
        uploadedById: input.userId,
      },
    });
  } catch (error) {
    await deleteStored(id);
    throw error;
  }
  return {
    id,
    kind: check.kind,
    contentType,
    size: input.file.body.byteLength,
    filename,
    width: thumbnail?.width ?? null,
    height: thumbnail?.height ?? null,
  };
}

/** Files attached in the composer but never sent; their bytes go with them. */
export async function deleteAbandonedUploads(now = Date.now()): Promise<number> {
  const abandoned = await db.mediaFile.findMany({
    where: { messageId: null, uploadedById: { not: null }, createdAt: { lt: new Date(now - ABANDONED_UPLOAD_MS) } },
    select: { id: true },
    take: 100,
  });
  for (const { id } of abandoned) {
    await deleteStored(id);
    await db.mediaFile.deleteMany({ where: { id, messageId: null } });
  }
  return abandoned.length;
}

async function deleteStored(id: string) {
  const storage = mediaStorage();
  await storage.delete(id);
  await storage.delete(thumbnailKeyOf(id));
}

/** The name the customer sees on a document: no path, no control characters, a sane length. */
export function safeFilename(name: string, kind: OutboundAttachmentKind): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || `${kind === "file" ? "document" : kind}`;
}
