import { describe, expect, it } from "vitest";
import { accountIdOf, accountKeysOf, accountLabel, channelOfKey, integrationConfigSchema, loginVariantOf, recipientIdsOf } from "@/lib/settings/integration-config";

describe("Instagram login variants in the Integration config", () => {
  it("defaults to Facebook Login, for rows saved before Instagram Login existed, and survives an odd value", () => {
    expect(loginVariantOf("instagram", integrationConfigSchema.parse({ pageId: "1" }))).toBe("facebook");
    const odd = integrationConfigSchema.parse({ pageId: "1", loginVariant: "myspace" });
    expect(odd).toEqual({ pageId: "1" });
    expect(loginVariantOf("instagram", integrationConfigSchema.parse({ loginVariant: "instagram" }))).toBe("instagram");
  });

  it("addresses Graph by the Instagram account id, falling back to the page id only with Facebook Login", () => {
    expect(accountIdOf("instagram", { pageId: "10", instagramAccountId: "1784" })).toBe("1784");
    expect(accountIdOf("instagram", { pageId: "10" })).toBe("10");
    expect(accountIdOf("instagram", { pageId: "10", loginVariant: "instagram" })).toBeUndefined();
    expect(accountIdOf("whatsapp", { phoneNumberId: "55", pageId: "10" })).toBe("55");
  });

  it("routes webhooks by every id Meta may use for the account", () => {
    expect(recipientIdsOf("instagram", { pageId: "10", instagramAccountId: "1784" })).toEqual(["1784", "10"]);
    expect(recipientIdsOf("whatsapp", { phoneNumberId: "55", businessAccountId: "77" })).toEqual(["55", "77"]);
    expect(recipientIdsOf("messenger", { pageId: "10", phoneNumberId: "55" })).toEqual(["10"]);
    expect(accountIdOf("messenger", { pageId: "10" })).toBe("10");
  });

  it("names further accounts instagram-2 … instagram-9", () => {
    expect(accountKeysOf("instagram")).toHaveLength(9);
    expect(accountKeysOf("whatsapp")).toEqual(["whatsapp"]);
    expect(accountKeysOf("messenger")).toEqual(["messenger"]);
    expect(channelOfKey("instagram-3")).toBe("instagram");
    // Every key names its own channel: a third channel is not mistaken for WhatsApp.
    expect(channelOfKey("messenger")).toBe("messenger");
    expect(channelOfKey("whatsapp")).toBe("whatsapp");
    expect(accountLabel("messenger")).toBe("Messenger");
    expect(accountLabel("instagram")).toBe("Instagram");
    expect(accountLabel("instagram-2")).toBe("Instagram (2)");
  });
});
