import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * An independent Standard Webhooks verifier, written from the specification
 * (https://www.standardwebhooks.com, "Verifying webhook authenticity") rather than with the library
 * the app signs with, so a mistake in how the app uses that library can't hide behind the same
 * mistake here: HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}` with the base64 bytes
 * after `whsec_`, compared with each space-separated `v1,<base64>` in webhook-signature.
 */
export function verifyStandardWebhook(secret: string, headers: Record<string, string | string[] | undefined>, body: string, now = Date.now()): boolean {
  const id = String(headers["webhook-id"] ?? "");
  const timestamp = String(headers["webhook-timestamp"] ?? "");
  const signatures = String(headers["webhook-signature"] ?? "").split(" ");
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.some((entry) => {
    const [version, value] = entry.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
