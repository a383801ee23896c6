import { describe, expect, it } from "vitest";
import { titleWithCount } from "@/lib/notifications/document-badge";

describe("titleWithCount", () => {
  it("puts the count in front and replaces an earlier one", () => {
    expect(titleWithCount("Inbox · Unified Inbox", 3)).toBe("(3) Inbox · Unified Inbox");
    expect(titleWithCount("(3) Inbox · Unified Inbox", 4)).toBe("(4) Inbox · Unified Inbox");
  });

  it("drops the count at zero and caps it at 99+", () => {
    expect(titleWithCount("(3) Inbox", 0)).toBe("Inbox");
    expect(titleWithCount("Inbox", 250)).toBe("(99+) Inbox");
    expect(titleWithCount("(99+) Inbox", 2)).toBe("(2) Inbox");
  });

  it("leaves a title that only looks like a count alone", () => {
    expect(titleWithCount("(Draft) notes", 0)).toBe("(Draft) notes");
  });
});
