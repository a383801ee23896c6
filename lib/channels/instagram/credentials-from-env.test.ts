import { describe, expect, it } from "vitest";
import { instagramCredentialsFromEnv } from "./credentials-from-env";

describe("instagramCredentialsFromEnv", () => {
  it("reads the full set with defaults for the Graph URL and version", () => {
    expect(
      instagramCredentialsFromEnv({
        INSTAGRAM_VERIFY_TOKEN: "verify",
        INSTAGRAM_APP_SECRET: "secret",
        INSTAGRAM_PAGE_ID: "1784",
        INSTAGRAM_ACCESS_TOKEN: "token",
      }),
    ).toEqual({
      accessToken: "token",
      appSecret: "secret",
      verifyToken: "verify",
      accountId: "1784",
      graphApiUrl: "https://graph.facebook.com",
      graphApiVersion: "v21.0",
      source: "environment",
    });
  });

  it("falls back to the shared META_* secret and token and honours the Graph overrides", () => {
    const creds = instagramCredentialsFromEnv({
      INSTAGRAM_PAGE_ID: "1784",
      META_ACCESS_TOKEN: "meta-token",
      META_APP_SECRET: "meta-secret",
      META_GRAPH_API_URL: "http://127.0.0.1:4010/",
      META_GRAPH_API_VERSION: "v22.0",
    });
    expect(creds).toMatchObject({ accessToken: "meta-token", appSecret: "meta-secret", graphApiUrl: "http://127.0.0.1:4010", graphApiVersion: "v22.0" });
  });

  it("prefers the Instagram-specific values", () => {
    expect(instagramCredentialsFromEnv({ INSTAGRAM_ACCESS_TOKEN: "ig", META_ACCESS_TOKEN: "meta" })?.accessToken).toBe("ig");
  });

  it("webhook-only config (secret + verify token) is enough to receive", () => {
    expect(instagramCredentialsFromEnv({ INSTAGRAM_VERIFY_TOKEN: "v", META_APP_SECRET: "s" })).toMatchObject({
      accessToken: "",
      accountId: "",
      appSecret: "s",
      verifyToken: "v",
    });
  });

  it("is null when nothing usable is set", () => {
    expect(instagramCredentialsFromEnv({})).toBeNull();
    expect(instagramCredentialsFromEnv({ INSTAGRAM_APP_SECRET: "s" })).toBeNull();
    expect(instagramCredentialsFromEnv({ INSTAGRAM_VERIFY_TOKEN: "v", INSTAGRAM_ACCESS_TOKEN: "  " })).toBeNull();
  });

  it("does not switch Instagram on for a shared META_ACCESS_TOKEN alone", () => {
    expect(instagramCredentialsFromEnv({ META_ACCESS_TOKEN: "t" })).toBeNull();
  });
});
