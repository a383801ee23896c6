// Meta signs each webhook delivery with HMAC-SHA256 of the exact raw body, keyed with the app secret.
import { createHmac } from "node:crypto";

/** The `X-Hub-Signature-256` header value for `rawBody`: "sha256=<hex>". */
export function signPayload(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody, "utf8").digest("hex")}`;
}
