import { z } from "zod";
import { graphDownload, graphRequest, parseGraphAnswer, type DownloadOptions } from "../meta/graph-client";
import { DownloadTooLargeError } from "../meta/read-capped-body";
import type { ChannelCredentials } from "../types";

const mediaInfoSchema = z.object({ url: z.string().min(1), mime_type: z.string().optional(), file_size: z.number().optional() });

// Voice notes and documents can be large; the usual 10 s would cut them off on a slow link.
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * WhatsApp media in two steps, both with the bearer token: `GET /{media-id}` for a short-lived URL
 * (passing the phone number id makes Meta check the media belongs to it), then the bytes themselves.
 */
export async function downloadWhatsAppMedia(
  creds: ChannelCredentials,
  mediaId: string,
  options?: DownloadOptions,
): Promise<{ body: Uint8Array; mimeType: string }> {
  const answer = await graphRequest(
    creds,
    { method: "GET", path: `/${encodeURIComponent(mediaId)}`, query: { phone_number_id: creds.accountId || undefined } },
    { channel: "whatsapp", ...options },
  );
  const info = parseGraphAnswer(mediaInfoSchema, answer, "whatsapp");
  // Meta states the size up front: an oversized file is refused without a byte downloaded.
  if (options?.maxBytes !== undefined && info.file_size !== undefined && info.file_size > options.maxBytes) {
    throw new DownloadTooLargeError(options.maxBytes, info.file_size);
  }
  const file = await graphDownload(creds, info.url, { channel: "whatsapp", timeoutMs: DOWNLOAD_TIMEOUT_MS, ...options });
  return { body: file.body, mimeType: info.mime_type ?? file.mimeType ?? "application/octet-stream" };
}
