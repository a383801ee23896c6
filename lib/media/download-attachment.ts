import type { Attachment, ChannelAdapter } from "@/lib/channels/types";
import { GraphApiError } from "@/lib/channels/meta/graph-error";
import { DownloadTooLargeError, readCappedBody } from "@/lib/channels/meta/read-capped-body";
import { env } from "@/lib/env";
import { fencedFetch, FetchRefusedError } from "@/lib/net/fenced-fetch";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";

/** Large voice notes and videos over a slow link; anything slower is retried later. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Why a download failed, and whether trying again can help: an expired or revoked link (403, 404,
 * 410, Graph's "object does not exist") never comes back, a 5xx or a timeout may.
 */
export class MediaDownloadError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MediaDownloadError";
  }
}

export { DownloadTooLargeError };

export interface DownloadedMedia {
  body: Uint8Array;
  /** Lower-case type without parameters ("audio/ogg"), as stored and served. */
  contentType: string;
}

/**
 * Where Meta serves attachment files from (Instagram and Facebook CDNs, WhatsApp's lookaside host).
 * A link elsewhere is something a customer shared or a forged delivery named: not fetched.
 */
export const META_MEDIA_HOSTS = ["fbcdn.net", "cdninstagram.com", "fbsbx.com", "facebook.com", "instagram.com", "whatsapp.net"];

const EXPIRED_STATUSES = new Set([400, 401, 403, 404, 410]);

/**
 * The bytes of one attachment from Meta: WhatsApp media by id with the token of the account the
 * conversation belongs to, anything else from its CDN URL. Throws DownloadTooLargeError past
 * `maxBytes` (nothing is kept in memory beyond it) and MediaDownloadError for every other failure.
 * Never puts a token in an error message.
 */
export async function downloadAttachment(
  adapter: ChannelAdapter,
  attachment: Attachment,
  options: { maxBytes: number; businessAccountId: string },
): Promise<DownloadedMedia> {
  const { maxBytes, businessAccountId } = options;
  const file =
    attachment.mediaId && adapter.media
      ? await downloadByMediaId(adapter, attachment.mediaId, maxBytes, businessAccountId)
      : await downloadUrl(attachment.url, maxBytes);
  return { body: file.body, contentType: normalizeContentType(attachment.mimeType ?? file.mimeType) };
}

export function normalizeContentType(value: string | null | undefined): string {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? type : "application/octet-stream";
}

async function downloadByMediaId(adapter: ChannelAdapter, mediaId: string, maxBytes: number, businessAccountId: string) {
  const creds = await loadAccountCredentials(adapter.key, businessAccountId);
  // Not connected right now: an admin may reconnect, so this is worth retrying.
  if (!creds) throw new MediaDownloadError(`${adapter.label} is not connected`, false);
  try {
    return await adapter.media!.download(creds, mediaId, { maxBytes });
  } catch (error) {
    if (error instanceof DownloadTooLargeError) throw error;
    if (error instanceof GraphApiError) {
      const gone = error.kind === "INVALID_REQUEST" || error.kind === "PERMISSION_MISSING" || (error.httpStatus !== undefined && [404, 410].includes(error.httpStatus));
      throw new MediaDownloadError(gone ? `${adapter.label} no longer has this media (${error.kind})` : error.message, gone);
    }
    throw new MediaDownloadError(error instanceof Error ? error.message : String(error), false);
  }
}

async function downloadUrl(url: string | undefined, maxBytes: number): Promise<{ body: Uint8Array; mimeType: string | undefined }> {
  if (!url || !/^https?:\/\//i.test(url)) throw new MediaDownloadError("The attachment has no downloadable link", true);
  let response: Response;
  try {
    response = await fencedFetch(url, {
      allowedHosts: META_MEDIA_HOSTS,
      trustedPrivateHosts: env.MEDIA_ALLOWED_HOSTS,
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    // A refused link never becomes fetchable: FAILED at once, with the reason.
    if (error instanceof FetchRefusedError) throw new MediaDownloadError(error.message, true);
    throw new MediaDownloadError(`Download failed: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const expired = EXPIRED_STATUSES.has(response.status);
    throw new MediaDownloadError(expired ? `Meta's link has expired (HTTP ${response.status})` : `Meta's CDN answered HTTP ${response.status}`, expired);
  }
  try {
    return { body: await readCappedBody(response, maxBytes), mimeType: response.headers.get("content-type") ?? undefined };
  } catch (error) {
    if (error instanceof DownloadTooLargeError) throw error;
    throw new MediaDownloadError(`Download interrupted: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}
