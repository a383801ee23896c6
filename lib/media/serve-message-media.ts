import { ApiError } from "@/lib/api/errors";
import type { Attachment } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireChannel } from "@/lib/inbox/require-channel";
import { attachmentIndexSchema, type MediaQuery } from "@/lib/validations/media";
import { DownloadTooLargeError, downloadAttachment, MediaDownloadError } from "./download-attachment";
import { mediaStorage } from "./storage";

/**
 * One attachment's bytes for signed-in staff: from our media storage once the worker has kept it
 * (customer media and staff uploads alike), live from Meta while it is still being downloaded, and
 * a 410 that the thread understands when it never arrived or was too large to keep.
 *
 * Only types a browser renders harmlessly keep their content type; anything else (HTML, SVG, …) is
 * served as a download so customer files can't run as our origin.
 */

const INLINE_TYPES = /^(image\/(jpeg|png|gif|webp)|video\/[\w.+-]+|audio\/[\w.+-]+|application\/pdf)$/;

export interface MediaBody {
  body: Uint8Array;
  contentType: string;
  filename?: string | null;
  /** Stored files can be served in ranges (seeking in video and audio). */
  rangeable: boolean;
}

export async function serveMessageMedia(messageId: string, indexParam: string, query: MediaQuery, range: string | null): Promise<Response> {
  const index = attachmentIndexSchema.safeParse(indexParam);
  if (!index.success) throw notFound();
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      channel: true,
      status: true,
      attachments: true,
      conversation: { select: { businessAccountId: true } },
      mediaFiles: {
        where: { attachmentIndex: index.data },
        select: { status: true, storageKey: true, thumbnailKey: true, contentType: true, filename: true, size: true },
      },
    },
  });
  if (!message || message.status === "DELETED") throw notFound();
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []) as unknown as Attachment[];
  const attachment = attachments[index.data] as Attachment | undefined;
  const file = message.mediaFiles[0];

  if (file?.status === "FAILED") {
    throw new ApiError({ code: "MEDIA_UNAVAILABLE", status: 410, message: "This media never arrived. Open the app it was sent in to see it." });
  }
  if (file?.status === "TOO_LARGE") {
    const size = file.size ? ` (${Math.ceil(file.size / 1_048_576)} MB)` : "";
    throw new ApiError({ code: "MEDIA_TOO_LARGE", status: 410, message: `This file is too large to keep${size}.` });
  }
  if (file?.status === "STORED") {
    const key = query.variant === "thumb" ? file.thumbnailKey : file.storageKey;
    const stored = key ? await mediaStorage().get(key) : null;
    if (!stored) throw notFound(query.variant === "thumb" ? "This attachment has no thumbnail" : undefined);
    return mediaResponse({ body: stored.body, contentType: stored.contentType, filename: file.filename ?? attachment?.filename, rangeable: true }, range);
  }
  // Still downloading (or from before media was kept): fetch it from Meta as it is now.
  if (query.variant === "thumb") throw notFound("No thumbnail yet");
  if (!attachment || (!attachment.mediaId && !attachment.url)) throw notFound();
  return mediaResponse(await fetchLive(message.channel, attachment, message.conversation.businessAccountId), null);
}

async function fetchLive(channel: Parameters<typeof requireChannel>[0], attachment: Attachment, businessAccountId: string): Promise<MediaBody> {
  try {
    const media = await downloadAttachment(requireChannel(channel), attachment, { maxBytes: env.MEDIA_MAX_BYTES, businessAccountId });
    return { body: media.body, contentType: media.contentType, filename: attachment.filename, rangeable: false };
  } catch (error) {
    if (error instanceof DownloadTooLargeError) {
      throw new ApiError({ code: "MEDIA_TOO_LARGE", status: 410, message: "This file is too large to keep." });
    }
    if (error instanceof MediaDownloadError) {
      console.error(`[media] live fetch failed: ${error.message}`);
      throw new ApiError({ code: "UPSTREAM_ERROR", message: "The file could not be loaded from Meta. It may have expired." });
    }
    throw error;
  }
}

export function mediaResponse(media: MediaBody, range: string | null): Response {
  const inline = INLINE_TYPES.test(media.contentType);
  const filename = media.filename ? `; filename="${media.filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"` : "";
  const headers: Record<string, string> = {
    "Content-Type": inline ? media.contentType : "application/octet-stream",
    "Content-Disposition": `${inline ? "inline" : "attachment"}${filename}`,
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
  };
  const size = media.body.byteLength;
  if (media.rangeable) headers["Accept-Ranges"] = "bytes";
  const wanted = media.rangeable && range ? byteRange(range, size) : null;
  if (wanted === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  }
  if (wanted) {
    // No Content-Length: Next 16 drops it from route handler responses (send-response.js) and sends
    // the body chunked; Content-Range tells a media element the total size.
    return new Response(media.body.subarray(wanted.start, wanted.end + 1) as BodyInit, {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${wanted.start}-${wanted.end}/${size}` },
    });
  }
  return new Response(media.body as BodyInit, { headers });
}

/**
 * One `bytes=` range (what browsers send to seek in media); several ranges or a malformed header
 * get the whole file, as RFC 9110 allows.
 */
export function byteRange(header: string, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

function notFound(message = "Attachment not found"): ApiError {
  return new ApiError({ code: "NOT_FOUND", message });
}
