import { describe, expect, it } from "vitest";
import { csvRow, minorToDecimal } from "@/lib/leads/csv";

describe("csvRow", () => {
  it("quotes cells with commas, quotes and line breaks, and ends rows with CRLF", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", "two\nlines", null, 3])).toBe('a,"say ""hi""","x,y","two\nlines",,3\r\n');
  });

  it("keeps customer text from running as a spreadsheet formula", () => {
    expect(csvRow(["=HYPERLINK(\"http://x\")", "+351", "-1", "@sofia"])).toBe(`"'=HYPERLINK(""http://x"")",'+351,'-1,'@sofia\r\n`);
  });
});

describe("minorToDecimal", () => {
  it("uses the currency's own number of decimals", () => {
    expect(minorToDecimal(123450, "EUR")).toBe("1234.50");
    expect(minorToDecimal(5000, "JPY")).toBe("5000");
    expect(minorToDecimal(1234, "KWD")).toBe("1.234");
  });
});
