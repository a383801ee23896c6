import { describe, expect, it } from "vitest";
import { hashApiToken, newApiTokenSecret, visiblePrefixOf } from "./token-secret";

describe("API token secrets", () => {
  it("are long, prefixed and different every time", () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a).toMatch(/^uit_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
  it("hash to a fixed SHA-256 hex digest that does not contain the token", () => {
    const token = newApiTokenSecret();
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(token)).not.toContain(token.slice(4));
  });
  it("show only the first characters", () => {
    expect(visiblePrefixOf("uit_abcdefghijkl")).toBe("uit_abcdef");
  });
});
