import { describe, expect, it } from "vitest";
import { whatsappCredentialsFromEnv } from "./credentials-from-env";

describe("whatsappCredentialsFromEnv", () => {
  it("reads the full set with defaults for the Graph URL and version", () => {
    expect(
      whatsappCredentialsFromEnv({
        WHATSAPP_VERIFY_TOKEN: "verify",
        WHATSAPP_APP_SECRET: "secret",
        WHATSAPP_PHONE_NUMBER_ID: "1065",
        WHATSAPP_BUSINESS_ACCOUNT_ID: "1022",
        WHATSAPP_ACCESS_TOKEN: "token",
      }),
    ).toEqual({
      accessToken: "token",
      appSecret: "secret",
      verifyToken: "verify",
      accountId: "1065",
      businessAccountId: "1022",
      graphApiUrl: "https://graph.facebook.com",
      graphApiVersion: "v21.0",
      source: "environment",
    });
  });

  it("falls back to META_* values and honours the Graph overrides", () => {
    expect(
      whatsappCredentialsFromEnv({
        WHATSAPP_PHONE_NUMBER_ID: "1065",
        META_ACCESS_TOKEN: "meta-token",
        META_APP_SECRET: "meta-secret",
        META_GRAPH_API_URL: "http://127.0.0.1:4010",
        META_GRAPH_API_VERSION: "v22.0",
        META_GRAPH_API_TIMEOUT_MS: "2500",
      }),
    ).toMatchObject({ accessToken: "meta-token", appSecret: "meta-secret", graphApiUrl: "http://127.0.0.1:4010", graphApiVersion: "v22.0", graphTimeoutMs: 2500 });
  });

  it("webhook-only config is enough to receive; ids stay empty", () => {
    const creds = whatsappCredentialsFromEnv({ WHATSAPP_VERIFY_TOKEN: "v", WHATSAPP_APP_SECRET: "s" });
    expect(creds).toMatchObject({ accessToken: "", accountId: "", appSecret: "s", verifyToken: "v" });
    expect(creds).not.toHaveProperty("businessAccountId");
  });

  it("is null when nothing usable is set, or only the shared token", () => {
    expect(whatsappCredentialsFromEnv({})).toBeNull();
    expect(whatsappCredentialsFromEnv({ WHATSAPP_VERIFY_TOKEN: "v" })).toBeNull();
    expect(whatsappCredentialsFromEnv({ META_ACCESS_TOKEN: "t" })).toBeNull();
  });
});
