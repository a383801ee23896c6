import { env } from "@/lib/env";

/**
 * The public base URL Meta must call back: APP_URL when set (deployments behind a proxy should set
 * it), otherwise the host the admin reached us on. Read from the Host header, not `req.url`: Next
 * rewrites the latter to its own listening address.
 */
export function appOrigin(headers: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
