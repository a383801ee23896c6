import http from "node:http";
import { env } from "@/lib/env";

/**
 * The client's IP address, for the sign-in throttle. Route handlers see only headers, and Next
 * fills X-Forwarded-For with the socket's address only when the client sent none, so that header
 * is whatever the client wants unless a trusted proxy overwrote it. The socket's own address is
 * copied into a header of ours on every request instead (overwriting anything a client sent
 * under that name), and X-Forwarded-For counts only with TRUST_PROXY=true.
 */
const SOCKET_ADDRESS_HEADER = "x-inbox-socket-address";

const globalForHook = globalThis as unknown as { inboxSocketAddressHook?: boolean };

/** Once per process, before serving (lib/start-up.ts): stamps each request with its socket's address. */
export function recordSocketAddresses(): void {
  if (globalForHook.inboxSocketAddressHook) return;
  globalForHook.inboxSocketAddressHook = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
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
