import { describe, expect, it } from "vitest";
import { blockContactSchema, integrationKeySchema, listEventsQuerySchema, saveIntegrationSchema, updateStaffSchema } from "@/lib/validations/settings";

describe("settings validation", () => {
  it("fills an integration form's blanks and keeps empty secrets empty (= keep the stored one)", () => {
    expect(saveIntegrationSchema.parse({})).toEqual({
      enabled: true,
      accessToken: "",
      appSecret: "",
      webhookVerifyToken: "",
      pageId: "",
      instagramAccountId: "",
      phoneNumberId: "",
      businessAccountId: "",
      graphApiVersion: "",
      humanAgentTag: false,
      customerSignals: true,
      loginVariant: "facebook",
    });
  });

  it("names Integration rows: each channel's first account, then instagram-2 … instagram-9", () => {
    for (const key of ["instagram", "whatsapp", "messenger", "instagram-2", "instagram-9"]) expect(integrationKeySchema.safeParse(key).success).toBe(true);
    for (const key of ["instagram-1", "instagram-10", "whatsapp-2", "messenger-2", "telegram", "Instagram"]) expect(integrationKeySchema.safeParse(key).success).toBe(false);
  });

  it("refuses ids that are not Meta ids, odd versions and verify tokens with spaces", () => {
    const result = saveIntegrationSchema.safeParse({ phoneNumberId: "12 34", graphApiVersion: "21", webhookVerifyToken: "a b" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["graphApiVersion", "phoneNumberId", "webhookVerifyToken"]);
  });

  it("takes one staff change at a time", () => {
    expect(updateStaffSchema.safeParse({ role: "ADMIN" }).success).toBe(true);
    expect(updateStaffSchema.safeParse({ disabled: true }).success).toBe(true);
    expect(updateStaffSchema.safeParse({ role: "ADMIN", disabled: true }).success).toBe(false);
    expect(updateStaffSchema.safeParse({}).success).toBe(false);
  });

  it("bounds blocklist input and event queries", () => {
    expect(blockContactSchema.safeParse({ channel: "MESSENGER", identifier: "1" }).success).toBe(true);
    expect(blockContactSchema.safeParse({ channel: "TELEGRAM", identifier: "1" }).success).toBe(false);
    expect(blockContactSchema.safeParse({ channel: "INSTAGRAM", identifier: "  " }).success).toBe(false);
    expect(listEventsQuerySchema.parse({ limit: "10" }).limit).toBe(10);
    expect(listEventsQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});
