import { describe, expect, it } from "vitest";
import { formatDuration, formatRate } from "@/lib/reports/format";
import { byAgentTable, conversationsByDayTable, leadsByStatusTable, tableCsv } from "@/lib/reports/report-tables";
import { parseReportsUrl, reportsApiQuery, reportsHref } from "@/lib/reports/reports-url";

describe("report tables", () => {
  it("zero-fills every day of the range with a column per channel and a total", () => {
    const table = conversationsByDayTable(
      { conversationsByDay: [{ day: "2026-11-02", channel: "whatsapp", count: 2 }, { day: "2026-11-02", channel: "instagram", count: 1 }] },
      { from: "2026-11-01", to: "2026-11-03" },
    );
    expect(table.columns).toEqual(["Day", "Instagram", "WhatsApp", "Total"]);
    expect(table.rows).toEqual([["2026-11-01", 0, 0, 0], ["2026-11-02", 1, 2, 3], ["2026-11-03", 0, 0, 0]]);
  });

  it("writes the funnel's values as decimal amounts per currency", () => {
    const table = leadsByStatusTable({
      leadsByStatus: [
        { status: "NEW", count: 2, totals: [{ currency: "EUR", value: 12_345 }] },
        { status: "WON", count: 1, totals: [{ currency: "JPY", value: 500 }] },
      ],
    });
    expect(table.columns).toEqual(["Stage", "Leads", "Value (EUR)", "Value (JPY)"]);
    expect(table.rows).toEqual([["New", 2, "123.45", "0"], ["Won", 1, "0.00", "500"]]);
  });

  it("makes CSV that a spreadsheet reads as data, never as a formula", () => {
    const csv = tableCsv(byAgentTable({ byAgent: [{ userId: "u1", name: "=cmd|' /C calc'!A0", conversationsHandled: 3, medianFirstResponseSeconds: null, repliesSent: 5, leadsWon: 1 }] }));
    expect(csv).toBe("Agent,Conversations handled,Median first response (s),Replies sent,Leads won\r\n'=cmd|' /C calc'!A0,3,,5,1\r\n");
  });
});

describe("reports URL", () => {
  const now = new Date("2026-12-04T10:00:00Z");

  it("defaults to the last 30 days and keeps a valid custom range", () => {
    expect(parseReportsUrl({}, now)).toEqual({ preset: "30d", from: "2026-11-05", to: "2026-12-04", channel: null, userId: null });
    const custom = parseReportsUrl({ range: "custom", from: "2026-10-01", to: "2026-10-31", channel: "whatsapp", userId: "u1" }, now);
    expect(reportsApiQuery(custom)).toBe("from=2026-10-01&to=2026-10-31&channel=whatsapp&userId=u1");
    expect(reportsHref(custom)).toBe("/reports?range=custom&from=2026-10-01&to=2026-10-31&channel=whatsapp&userId=u1");
  });

  it("falls back to 30 days for a bad or backwards custom range and ignores unknown channels", () => {
    expect(parseReportsUrl({ range: "custom", from: "2026-10-31", to: "2026-10-01", channel: "fax" }, now)).toMatchObject({ preset: "30d", channel: null });
    expect(parseReportsUrl({ range: "7d" }, now)).toMatchObject({ preset: "7d", from: "2026-11-28", to: "2026-12-04" });
    expect(parseReportsUrl({ range: "custom", from: "2025-01-01", to: "2026-01-01" }, now)).toMatchObject({ preset: "custom", from: "2025-01-01" });
    expect(parseReportsUrl({ range: "custom", from: "2025-01-01", to: "2026-01-02" }, now)).toMatchObject({ preset: "30d" });
  });
});

describe("formatting", () => {
  it("reads durations and rates", () => {
    expect([formatDuration(null), formatDuration(45), formatDuration(270), formatDuration(600), formatDuration(7500), formatDuration(100_000)]).toEqual([
      "—", "45 s", "4 min 30 s", "10 min", "2 h 05 min", "1 d 3 h",
    ]);
    expect([formatRate(null), formatRate(0.875), formatRate(1)]).toEqual(["—", "87.5 %", "100 %"]);
  });
});
