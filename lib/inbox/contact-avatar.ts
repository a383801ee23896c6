import { ApiError } from "@/lib/api/errors";
import { readCappedBody } from "@/lib/channels/meta/read-capped-body";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { META_MEDIA_HOSTS } from "@/lib/media/download-attachment";
import { fencedFetch } from "@/lib/net/fenced-fetch";

/**
 * A contact's profile picture, fetched by the server and served from the app's own origin. The
 * page's CSP then needs no third-party image host (the demo's fake Graph API serves pictures over
 * plain http), and the browser never tells Meta's CDN who is looking at the inbox. Only raster
 * images are passed on (an SVG could carry script), capped in size and time, and only from Meta's
 * media hosts (or MEDIA_ALLOWED_HOSTS) through the SSRF fence: the URL came from outside.
 */

const MAX_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 5_000;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

export async function contactAvatar(contactId: string): Promise<Response> {
  const contact = await db.contact.findUnique({ where: { id: contactId }, select: { avatarUrl: true } });
  if (!contact?.avatarUrl || !/^https?:\/\//i.test(contact.avatarUrl)) {
    throw new ApiError({ code: "NOT_FOUND", message: "This contact has no profile picture" });
  }
  const unavailable = new ApiError({ code: "NOT_FOUND", message: "The profile picture is not available any more" });
  let upstream: Response;
  try {
    upstream = await fencedFetch(contact.avatarUrl, {
      allowedHosts: META_MEDIA_HOSTS,
      trustedPrivateHosts: env.MEDIA_ALLOWED_HOSTS,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw unavailable;
  }
  const contentType = (upstream.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!upstream.ok || !IMAGE_TYPES.has(contentType)) {
    await upstream.body?.cancel();
    throw unavailable;
  }
  const body = await readCappedBody(upstream, MAX_BYTES).catch(() => {
    throw unavailable;
  });
  return new Response(body as BodyInit, {
    headers: { "Content-Type": contentType, "Cache-Control": "private, max-age=3600", "Content-Security-Policy": "default-src 'none'" },
  });
}
