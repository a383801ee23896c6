import { env } from "@/lib/env";

/**
 * The public base URL Meta must call back: APP_URL when set (deployments behind a proxy should set
 * it), otherwise the origin the admin reached us on.
 */
export function appOrigin(request: { url: string } | { headers: Headers }): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  if ("url" in request) return new URL(request.url).origin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "localhost:3000";
  const proto = request.headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
