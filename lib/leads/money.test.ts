import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "@/lib/leads/money";

describe("money", () => {
  it("formats minor units in the currency's precision", () => {
    expect(formatMoney(125000, "EUR", "en")).toBe("€1,250");
    expect(formatMoney(125050, "EUR", "en")).toBe("€1,250.50");
    expect(formatMoney(5000, "JPY", "en")).toBe("¥5,000");
  });

  it("reads what people type as minor units", () => {
    expect(parseMoney("1250", "EUR")).toBe(125000);
    expect(parseMoney("1,250.50", "EUR")).toBe(125050);
    expect(parseMoney("1250,5", "EUR")).toBe(125050);
    expect(parseMoney("5000", "JPY")).toBe(5000);
    expect(parseMoney("", "EUR")).toBeNull();
  });

  it("refuses what is not an amount", () => {
    expect(parseMoney("12abc", "EUR")).toBeNaN();
    expect(parseMoney("-5", "EUR")).toBeNaN();
    expect(parseMoney("1.234", "EUR")).toBe(123400);
    expect(parseMoney("1.5", "JPY")).toBeNaN();
  });
});
