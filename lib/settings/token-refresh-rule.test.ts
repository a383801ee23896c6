import { describe, expect, it } from "vitest";
import { isTokenRefreshDue } from "@/lib/settings/token-refresh-rule";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const inFuture = (ms: number) => new Date(NOW.getTime() + ms);

describe("isTokenRefreshDue", () => {
  it("refreshes a token older than a day within 10 days of expiry", () => {
    expect(isTokenRefreshDue({ refreshedAt: ago(50 * DAY), expiresAt: inFuture(10 * DAY) }, NOW)).toBe(true);
    expect(isTokenRefreshDue({ refreshedAt: ago(2 * DAY), expiresAt: inFuture(3 * DAY) }, NOW)).toBe(true);
    expect(isTokenRefreshDue({ refreshedAt: ago(DAY), expiresAt: inFuture(60_000) }, NOW)).toBe(true);
  });

  it("leaves a token with more than 10 days to live alone", () => {
    expect(isTokenRefreshDue({ refreshedAt: ago(40 * DAY), expiresAt: inFuture(10 * DAY + 60_000) }, NOW)).toBe(false);
    expect(isTokenRefreshDue({ refreshedAt: ago(2 * DAY), expiresAt: inFuture(58 * DAY) }, NOW)).toBe(false);
  });

  it("never refreshes a token younger than a day: Meta refuses", () => {
    expect(isTokenRefreshDue({ refreshedAt: ago(DAY - 60_000), expiresAt: inFuture(5 * DAY) }, NOW)).toBe(false);
    expect(isTokenRefreshDue({ refreshedAt: ago(60_000), expiresAt: null }, NOW)).toBe(false);
  });

  it("refreshes a token of unknown expiry once it is a day old, to learn its expiry", () => {
    expect(isTokenRefreshDue({ refreshedAt: ago(DAY), expiresAt: null }, NOW)).toBe(true);
    expect(isTokenRefreshDue({ refreshedAt: null, expiresAt: null }, NOW)).toBe(true);
  });

  it("does not try to refresh an expired token: only a reconnect helps", () => {
    expect(isTokenRefreshDue({ refreshedAt: ago(61 * DAY), expiresAt: ago(DAY) }, NOW)).toBe(false);
    expect(isTokenRefreshDue({ refreshedAt: ago(61 * DAY), expiresAt: NOW }, NOW)).toBe(false);
  });
});
