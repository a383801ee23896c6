import { env } from "@/lib/env";

/**
 * The one source of the app's public base URL (webhook callback URLs, links Meta fetches, the
 * origin state-changing requests must come from): APP_URL when set, otherwise the host the request
 * reached us on. Read from the Host header, not `req.url`: Next rewrites the latter to its own
 * listening address. Forwarded host and scheme count only behind a trusted proxy (TRUST_PROXY=true):
 * otherwise any client could name the origin it likes.
 */
export function appOrigin(headers: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  return requestOrigin(headers);
}

/** The origin this request was addressed to, whatever APP_URL says. */
export function requestOrigin(headers: Headers): string {
  const forwarded = (name: string) => (env.TRUST_PROXY ? headers.get(name)?.split(",")[0]?.trim() || null : null);
  const host = forwarded("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = forwarded("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
