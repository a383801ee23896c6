import { ApiError } from "@/lib/api/errors";
import { requireChannel } from "@/lib/inbox/require-channel";
import type { Attachment } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { upstreamError } from "@/lib/inbox/upstream-error";
import { loadChannelCredentials } from "@/lib/settings/channel-credentials";

/**
 * The bytes of one attachment: WhatsApp media by id through the Graph API (needs our token),
 * Instagram's CDN URL otherwise. Only types a browser renders harmlessly keep their content type;
 * anything else (HTML, SVG, …) is served as a download so customer files can't run as our origin.
 */

const INLINE_TYPES = /^(image\/(jpeg|png|gif|webp)|video\/[\w.+-]+|audio\/[\w.+-]+|application\/pdf)$/;
const DOWNLOAD_TIMEOUT_MS = 20_000;

export interface MediaFile {
  body: ArrayBuffer;
  mimeType: string;
  /** `inline` for types a browser renders safely, `attachment` (a download) for the rest. */
  disposition: string;
}

export async function fetchMessageMedia(messageId: string, indexParam: string): Promise<MediaFile> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: { channel: true, attachments: true, status: true },
  });
  const index = /^\d{1,3}$/.test(indexParam) ? Number(indexParam) : -1;
  const attachments = (Array.isArray(message?.attachments) ? message.attachments : []) as unknown as Attachment[];
  const attachment = attachments[index];
  if (!message || message.status === "DELETED" || !attachment || (!attachment.mediaId && !attachment.url)) {
    throw new ApiError({ code: "NOT_FOUND", message: "Attachment not found" });
  }
  const adapter = requireChannel(message.channel);
  let file: { body: ArrayBuffer; mimeType: string };
  try {
    if (attachment.mediaId && adapter.media) {
      const creds = await loadChannelCredentials(adapter.key);
      if (!creds) throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: `${adapter.label} is not connected` });
      file = await adapter.media.download(creds, attachment.mediaId);
    } else {
      file = await downloadUrl(attachment.url!);
    }
  } catch (error) {
    throw upstreamError(error, "The file could not be loaded from Meta. It may have expired.");
  }
  const mimeType = (attachment.mimeType ?? file.mimeType ?? "").split(";")[0].trim().toLowerCase();
  const filename = attachment.filename ? `; filename="${attachment.filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"` : "";
  return INLINE_TYPES.test(mimeType)
    ? { body: file.body, mimeType, disposition: `inline${filename}` }
    : { body: file.body, mimeType: "application/octet-stream", disposition: `attachment${filename}` };
}

async function downloadUrl(url: string): Promise<{ body: ArrayBuffer; mimeType: string }> {
  if (!/^https?:\/\//i.test(url)) throw new ApiError({ code: "NOT_FOUND", message: "Attachment not found" });
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
  if (!res.ok) throw new ApiError({ code: "UPSTREAM_ERROR", message: "The file could not be loaded from Meta. It may have expired." });
  return { body: await res.arrayBuffer(), mimeType: res.headers.get("content-type") ?? "application/octet-stream" };
}
