import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/inbox?tab=whatsapp")).toBe("/inbox?tab=whatsapp");
  });
  it("refuses other sites and falls back", () => {
    expect(safeRedirectPath("https://evil.example/")).toBe("/inbox");
    expect(safeRedirectPath("//evil.example/")).toBe("/inbox");
    expect(safeRedirectPath("/\\evil.example")).toBe("/inbox");
    expect(safeRedirectPath(undefined, "/settings")).toBe("/settings");
    expect(safeRedirectPath("/\t/evil.example")).toBe("/inbox");
    expect(safeRedirectPath("/\n/evil.example")).toBe("/inbox");
    expect(safeRedirectPath("/%2F/evil.example")).toBe("/%2F/evil.example");
  });
  it("keeps a deep link's query whole", () => {
    expect(safeRedirectPath("/inbox?c=cm123&channel=whatsapp")).toBe("/inbox?c=cm123&channel=whatsapp");
  });
});
