import { z } from "zod";
import { REPORT_CHANNELS } from "@/lib/reports/summary-types";
import { parseBound, presetDays, REPORT_MAX_DAYS } from "@/lib/reports/report-range";

const DAY_MS = 86_400_000;
const bound = "Use a day (2026-11-30) or an ISO date-time with an offset";

/**
 * GET /api/reports/summary and the /reports page's URL. `from` / `to` are UTC days (both
 * inclusive) or ISO date-times (`to` exclusive); without them, the last 30 days. At most
 * REPORT_MAX_DAYS days, `from` not after `to`. `channel` is a channel key; `userId` one person.
 */
export const reportsSummaryQuerySchema = z
  .object({
    from: z.string().trim().max(40).optional(),
    to: z.string().trim().max(40).optional(),
    channel: z.enum(REPORT_CHANNELS, { message: `channel must be one of ${REPORT_CHANNELS.join(", ")}` }).optional(),
    userId: z.string().trim().min(1).max(100).optional(),
  })
  .transform((query, context) => {
    const preset = presetDays("30d");
    const start = parseBound(query.from ?? preset.from, "from");
    const end = parseBound(query.to ?? preset.to, "to");
    if (!start) context.addIssue({ code: "custom", path: ["from"], message: bound });
    if (!end) context.addIssue({ code: "custom", path: ["to"], message: bound });
    if (!start || !end) return z.NEVER;
    if (start.getTime() >= end.getTime()) {
      context.addIssue({ code: "custom", path: ["from"], message: "from must come before to" });
      return z.NEVER;
    }
    if (end.getTime() - start.getTime() > REPORT_MAX_DAYS * DAY_MS) {
      context.addIssue({ code: "custom", path: ["to"], message: `A report covers at most ${REPORT_MAX_DAYS} days` });
      return z.NEVER;
    }
    return { range: { start, end }, channel: query.channel, userId: query.userId };
  });
export type ReportsSummaryQuery = z.infer<typeof reportsSummaryQuerySchema>;
