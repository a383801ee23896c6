import http from "node:http";
import { env } from "@/lib/env";

/**
 * The client's IP address, for the sign-in throttle. Route handlers see only headers, and Next
 * fills X-Forwarded-For/-Host/-Proto from the socket and Host header only when the client sent
 * none, so those headers are whatever the client wants unless a trusted proxy overwrote them.
 * So on every request the socket's own address is copied into a header of ours (overwriting
 * anything a client sent under that name), and without TRUST_PROXY=true the client's
 * X-Forwarded-* headers are dropped before Next (and next-auth, which builds URLs from them) sees them.
 */
const SOCKET_ADDRESS_HEADER = "x-inbox-socket-address";
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

const globalForHook = globalThis as unknown as { inboxSocketAddressHook?: boolean };

/** Once per process, before serving (lib/start-up.ts): stamps each request with its socket's address and drops untrusted forwarding headers. */
export function recordSocketAddresses(): void {
  if (globalForHook.inboxSocketAddressHook) return;
  globalForHook.inboxSocketAddressHook = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
      if (!env.TRUST_PROXY) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** Behind a trusted proxy, the hop it appended (the rightmost); otherwise the socket's address. */
export function clientIp(headers: Record<string, unknown> | Headers | undefined): string | null {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
    return typeof value === "string" && value.trim() ? value : null;
  };
  if (env.TRUST_PROXY) {
    const forwarded = get("x-forwarded-for");
    if (forwarded) return forwarded.split(",").at(-1)!.trim();
  }
  return get(SOCKET_ADDRESS_HEADER)?.replace(/^::ffff:/, "") ?? null;
}
