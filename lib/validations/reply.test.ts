import { describe, expect, it } from "vitest";
import { sendReplySchema } from "@/lib/validations/reply";

describe("sendReplySchema", () => {
  it("accepts text, trimmed, with an optional idempotency key", () => {
    expect(sendReplySchema.parse({ text: "  Hello  ", idempotencyKey: "k-1" })).toEqual({ text: "Hello", idempotencyKey: "k-1" });
  });

  it("refuses empty, whitespace-only and over-long text", () => {
    expect(sendReplySchema.safeParse({ text: "" }).success).toBe(false);
    expect(sendReplySchema.safeParse({ text: "   " }).success).toBe(false);
    expect(sendReplySchema.safeParse({ text: "x".repeat(4097) }).success).toBe(false);
    expect(sendReplySchema.safeParse({ text: "x".repeat(4096) }).success).toBe(true);
  });

  it("accepts a template with parameters instead of text, never both or neither", () => {
    const template = { name: "follow_up", language: "en_US", parameters: ["Maria"] };
    expect(sendReplySchema.parse({ template })).toEqual({ template });
    expect(sendReplySchema.safeParse({ text: "hi", template }).success).toBe(false);
    expect(sendReplySchema.safeParse({}).success).toBe(false);
  });

  it("accepts an attachment alone or with text, never with a template", () => {
    const attachmentId = "0f8c2d6e9b1a4c7d8e2f3a4b5c6d7e8f";
    expect(sendReplySchema.parse({ attachmentId })).toEqual({ attachmentId });
    expect(sendReplySchema.parse({ attachmentId, text: " Here it is " })).toEqual({ attachmentId, text: "Here it is" });
    const template = { name: "follow_up", language: "en_US", parameters: [] };
    expect(sendReplySchema.safeParse({ attachmentId, template }).success).toBe(false);
    expect(sendReplySchema.safeParse({ attachmentId: "../../etc/passwd" }).success).toBe(false);
  });

  it("refuses unknown fields", () => {
    expect(sendReplySchema.safeParse({ text: "hi", to: "someone-else" }).success).toBe(false);
  });
});
