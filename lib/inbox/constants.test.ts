import { describe, expect, it } from "vitest";
import { REPLY_MAX_LENGTH } from "@/lib/validations/reply";
import { REPLY_TEXT_MAX_LENGTH } from "./constants";

describe("inbox constants", () => {
  it("keeps the composer's limit equal to the reply route's", () => {
    expect(REPLY_TEXT_MAX_LENGTH).toBe(REPLY_MAX_LENGTH);
  });
});
