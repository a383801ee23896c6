import { csvRow, minorToDecimal } from "@/lib/leads/csv";
import { LEAD_STATUS_LABEL } from "@/lib/leads/constants";
import { daysOf } from "@/lib/reports/report-range";
import type { MoneyTotal, ReportChannel, ReportsSummary } from "@/lib/reports/summary-types";

/**
 * Each chart's numbers as a plain table: what the page shows under the chart for screen readers
 * and keyboard users, and what its CSV download contains. Cells are numbers (raw seconds, minor
 * units turned into decimal amounts) so a spreadsheet can compute with them.
 */
export interface ReportTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export const CHANNEL_LABEL: Record<ReportChannel, string> = { instagram: "Instagram", whatsapp: "WhatsApp", messenger: "Messenger" };

/** Conversations started per day (every day of the range, zero-filled), a column per channel seen, and the day's total. */
export function conversationsByDayTable(summary: Pick<ReportsSummary, "conversationsByDay">, range: { from: string; to: string }): ReportTable {
  const channels = [...new Set(summary.conversationsByDay.map((row) => row.channel))].sort();
  const counts = new Map(summary.conversationsByDay.map((row) => [`${row.day}|${row.channel}`, row.count]));
  const days = daysOf({ start: new Date(`${range.from}T00:00:00Z`), end: new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000) });
  return {
    columns: ["Day", ...channels.map((channel) => CHANNEL_LABEL[channel]), "Total"],
    rows: days.map((day) => {
      const perChannel = channels.map((channel) => counts.get(`${day}|${channel}`) ?? 0);
      return [day, ...perChannel, perChannel.reduce((sum, count) => sum + count, 0)];
    }),
  };
}

/** The funnel: leads created in the range by the stage they are in now, with a value column per currency. */
export function leadsByStatusTable(summary: Pick<ReportsSummary, "leadsByStatus">): ReportTable {
  const currencies = [...new Set(summary.leadsByStatus.flatMap((row) => row.totals.map((total) => total.currency)))].sort();
  return {
    columns: ["Stage", "Leads", ...currencies.map((currency) => `Value (${currency})`)],
    rows: summary.leadsByStatus.map((row) => [
      LEAD_STATUS_LABEL[row.status as keyof typeof LEAD_STATUS_LABEL] ?? row.status,
      row.count,
      ...currencies.map((currency) => decimal(row.totals, currency)),
    ]),
  };
}

export function byAgentTable(summary: Pick<ReportsSummary, "byAgent">): ReportTable {
  return {
    columns: ["Agent", "Conversations handled", "Median first response (s)", "Replies sent", "Leads won"],
    rows: summary.byAgent.map((row) => [row.name, row.conversationsHandled, row.medianFirstResponseSeconds, row.repliesSent, row.leadsWon]),
  };
}

export function tableCsv(table: ReportTable): string {
  return table.columns.length === 0 ? "" : [table.columns, ...table.rows].map((cells) => csvRow(cells)).join("");
}

function decimal(totals: MoneyTotal[], currency: string): string {
  return minorToDecimal(totals.find((total) => total.currency === currency)?.value ?? 0, currency);
}
