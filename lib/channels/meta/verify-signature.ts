import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` against an HMAC-SHA256 of the raw request bytes.
 * The body must be the exact bytes received: re-serialized JSON changes whitespace and escapes and
 * would never match. An empty app secret always fails, because anyone can compute an HMAC keyed
 * with "" and an unconfigured channel must not accept forged deliveries.
 */
export function verifySignature(
  rawBody: Uint8Array | string,
  signatureHeader: string | null | undefined,
  appSecret: string,
): boolean {
  if (!appSecret || typeof signatureHeader !== "string") return false;
  const header = signatureHeader.trim();
  if (!header.toLowerCase().startsWith(PREFIX)) return false;
  const hex = header.slice(PREFIX.length);
  if (!HEX_DIGEST.test(hex)) return false;

  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  const received = Buffer.from(hex, "hex");
  // timingSafeEqual throws on unequal lengths; the regex already pins 32 bytes, this keeps it explicit.
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}

/** The header value Meta would send for this body; for tests, the simulator and the fake Graph API. */
export function signPayload(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}
