import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Instagram sends an attachment by URL: Meta fetches the file from us, with no session. The link
 * names one file and an expiry and is signed, so it can't be guessed, altered or reused for long.
 */

/** Meta fetches the file while the Send API call is in flight; an hour covers slow fetches and retries. */
export const REPLY_ATTACHMENT_LINK_TTL_MS = 60 * 60 * 1000;

const ID_PATTERN = /^[a-z0-9]{20,40}$/;

function signature(key: string, payload: string): string {
  return createHmac("sha256", key).update(`reply-attachment-link:${payload}`).digest("base64url");
}

export function signReplyAttachmentLink(key: string, mediaFileId: string, now = Date.now()): string {
  const payload = `${mediaFileId}.${Math.floor((now + REPLY_ATTACHMENT_LINK_TTL_MS) / 1000)}`;
  return `${payload}.${signature(key, payload)}`;
}

/** The media file id when the token is intact and unexpired; null otherwise (no reason is given out). */
export function verifyReplyAttachmentLink(key: string, token: string, now = Date.now()): string | null {
  const [mediaFileId, expires, given, ...rest] = token.split(".");
  if (rest.length > 0 || !mediaFileId || !expires || !given || !ID_PATTERN.test(mediaFileId) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(signature(key, `${mediaFileId}.${expires}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  if (Number(expires) * 1000 < now) return null;
  return mediaFileId;
}
