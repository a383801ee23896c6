// GET /api/reports/summary?from=&to=&channel=&userId= — the reports page's figures for a date range:
// first-response median and p90, SLA hit rate, conversations per day, the leads funnel, won value
// and a row per person (lib/reports). Agents get the team figures and only their own row.
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { getReportsSummary } from "@/lib/reports/get-reports-summary";
import { reportsSummaryQuerySchema } from "@/lib/validations/reports";

export const GET = withUser(async ({ req, user }) => Response.json(await getReportsSummary(parseQuery(req, reportsSummaryQuerySchema), user)));
