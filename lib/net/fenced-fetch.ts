import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { isForbiddenAddress } from "@/lib/net/address-policy";

/**
 * Server-side fetches of URLs that came from outside (a customer's attachment link; later, URLs
 * admins type for outgoing webhooks). Without a fence such a URL can make the server read its own
 * loopback services, the private network or the cloud metadata endpoint, and hand the answer back.
 *
 * The check runs on the address the socket connects to, after DNS (so a name that resolves
 * privately, or answers differently the second time, can't slip through), and again on every
 * redirect hop (a public URL answering 302 to http://127.0.0.1 is refused).
 */

export class FetchRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchRefusedError";
  }
}

export interface FenceOptions {
  /** Only these hosts (and their subdomains) may be named; any public host when omitted. */
  allowedHosts?: readonly string[];
  /**
   * Hosts (`host` or `host:port`, matched exactly) trusted to resolve to private or loopback
   * addresses: a deliberately configured local service, such as the fake Graph API in tests.
   */
  trustedPrivateHosts?: readonly string[];
  maxRedirects?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** GET by default; outgoing webhooks POST. */
  method?: "GET" | "POST";
  body?: string;
}

export interface CheckedTarget {
  url: URL;
  /** The address to connect to: the one that was checked. */
  address: string;
  family: 4 | 6;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

function hostMatches(url: URL, entries: readonly string[], exact: boolean): boolean {
  const hostname = url.hostname.toLowerCase();
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry.includes(":") && !entry.startsWith("[")) return url.host.toLowerCase() === entry;
    return hostname === entry || (!exact && hostname.endsWith(`.${entry}`));
  });
}

/**
 * Whether `rawUrl` may be fetched, and at which address: http(s) only, an allowed host, and every
 * address its name resolves to outside the forbidden ranges (unless the host is trusted by name).
 * Throws FetchRefusedError with the reason. Exported for every caller that fetches outside URLs.
 */
export async function checkOutboundUrl(rawUrl: string, options: FenceOptions = {}): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new FetchRefusedError("Refused: not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefusedError(`Refused: ${url.protocol} URLs are not fetched`);
  if (url.username || url.password) throw new FetchRefusedError("Refused: URLs with credentials are not fetched");
  const trusted = hostMatches(url, options.trustedPrivateHosts ?? [], true);
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  // An address literal is judged as an address first: "private address" says more than "not allowed".
  if (!trusted && isIP(hostname) && isForbiddenAddress(hostname)) {
    throw new FetchRefusedError(`Refused: ${url.hostname} is a private or reserved address`);
  }
  if (options.allowedHosts && !trusted && !hostMatches(url, options.allowedHosts, false)) {
    throw new FetchRefusedError(`Refused: ${url.hostname} is not an allowed host`);
  }
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await lookup(hostname, { all: true, verbatim: true }).catch(() => {
        throw new FetchRefusedError(`Refused: ${url.hostname} does not resolve`);
      });
  if (addresses.length === 0) throw new FetchRefusedError(`Refused: ${url.hostname} does not resolve`);
  if (!trusted) {
    const bad = addresses.find((entry) => isForbiddenAddress(entry.address));
    if (bad) throw new FetchRefusedError(`Refused: ${url.hostname} resolves to a private or reserved address (${bad.address})`);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** `fetch` for outside URLs: GET (or a POST with a body), redirects followed by hand (at most `maxRedirects`), each hop checked. */
export async function fencedFetch(rawUrl: string, options: FenceOptions = {}): Promise<Response> {
  let next = rawUrl;
  for (let hop = 0; ; hop++) {
    const target = await checkOutboundUrl(next, options);
    const response = await requestOnce(target, options);
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || !location) return response;
    await response.body?.cancel();
    if (hop >= (options.maxRedirects ?? 3)) throw new FetchRefusedError("Refused: too many redirects");
    next = new URL(location, target.url).toString();
  }
}

function requestOnce(target: CheckedTarget, options: FenceOptions): Promise<Response> {
  // The socket connects to the checked address, never to a second DNS answer.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target.url,
      { method: options.method ?? "GET", headers: options.headers, lookup: pinned, signal: options.signal },
      (incoming) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        const status = incoming.statusCode ?? 502;
        const body = NULL_BODY.has(status) ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
        if (!body) incoming.resume();
        resolve(new Response(body, { status, headers }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
