/**
 * When an Instagram Login token is refreshed (lib/settings/refresh-instagram-tokens.ts): tokens
 * live 60 days and Meta refreshes them only while valid and at least a day old.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** Meta refuses to refresh a younger token. */
const TOKEN_MIN_AGE_MS = DAY_MS;
/** Refresh this long before expiry: many hourly chances before an outage at Meta or here matters. */
const REFRESH_WITHIN_MS = 10 * DAY_MS;

/**
 * Due once the token is a day old and within 10 days of expiry — or of unknown expiry (just saved:
 * Meta does not say when a pasted token expires, and the refresh's answer does).
 */
export function isTokenRefreshDue(token: { refreshedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  // An expired token cannot be refreshed; only a reconnect helps, and the banner says so.
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return false;
  if (token.refreshedAt && now.getTime() - token.refreshedAt.getTime() < TOKEN_MIN_AGE_MS) return false;
  return token.expiresAt === null || token.expiresAt.getTime() - now.getTime() <= REFRESH_WITHIN_MS;
}
