import { createHash, randomBytes } from "node:crypto";

/**
 * API token secrets: 32 random bytes (256 bits) behind a recognisable prefix, so a leaked token is
 * easy to spot in a log or a repository. With that much entropy a plain SHA-256 is a safe thing to
 * store (no slow hash needed: nothing can be guessed), and it lets a request find its token by hash.
 */
export const API_TOKEN_PREFIX = "uit_";

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the list shows so admins can tell tokens apart: the prefix and a few characters. */
export function visiblePrefixOf(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 6);
}
