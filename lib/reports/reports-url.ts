import { isDayString, presetDays, REPORT_MAX_DAYS, REPORT_PRESETS, type ReportPreset } from "@/lib/reports/report-range";
import { REPORT_CHANNELS, type ReportChannel } from "@/lib/reports/summary-types";

/**
 * The /reports page's state in its URL (`?range=7d&channel=whatsapp&userId=…`, custom ranges add
 * `from` / `to` days), so a link shares the view. Zod-free: the page's client code reads it too.
 */
export interface ReportsUrlState {
  preset: ReportPreset;
  /** UTC days, both inclusive (a preset's are worked out from today). */
  from: string;
  to: string;
  channel: ReportChannel | null;
  userId: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseReportsUrl(params: SearchParams, now = new Date()): ReportsUrlState {
  const range = first(params.range);
  const preset: ReportPreset = (REPORT_PRESETS as readonly string[]).includes(range ?? "") ? (range as ReportPreset) : "30d";
  const from = first(params.from) ?? "";
  const to = first(params.to) ?? "";
  const custom = preset === "custom" && isValidCustomRange(from, to);
  const days = custom ? { from, to } : presetDays(preset === "custom" ? "30d" : preset, now);
  const channel = first(params.channel);
  const userId = first(params.userId)?.trim();
  return {
    preset: custom ? "custom" : preset === "custom" ? "30d" : preset,
    ...days,
    channel: (REPORT_CHANNELS as readonly string[]).includes(channel ?? "") ? (channel as ReportChannel) : null,
    userId: userId ? userId.slice(0, 100) : null,
  };
}

/** Two days the API accepts as a range: in order, at most REPORT_MAX_DAYS days. */
export function isValidCustomRange(from: string, to: string): boolean {
  if (!isDayString(from) || !isDayString(to) || from > to) return false;
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1 <= REPORT_MAX_DAYS;
}

/** The summary API's query for a state. */
export function reportsApiQuery(state: ReportsUrlState): string {
  const query = new URLSearchParams({ from: state.from, to: state.to });
  if (state.channel) query.set("channel", state.channel);
  if (state.userId) query.set("userId", state.userId);
  return query.toString();
}

export function reportsSummaryKey(state: ReportsUrlState): string {
  return `/api/reports/summary?${reportsApiQuery(state)}`;
}

/** The page's own URL for a state: presets stay relative ("7d" follows the calendar), custom ranges are pinned. */
export function reportsHref(state: ReportsUrlState): string {
  const query = new URLSearchParams({ range: state.preset });
  if (state.preset === "custom") {
    query.set("from", state.from);
    query.set("to", state.to);
  }
  if (state.channel) query.set("channel", state.channel);
  if (state.userId) query.set("userId", state.userId);
  return `/reports?${query.toString()}`;
}
