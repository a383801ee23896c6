// GET /api/leads/export — the list's filters as a CSV download (text/csv), streamed page by page.
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { leadFilterSchema } from "@/lib/validations/lead";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ req, user }) => {
  const filter = parseQuery(req, leadFilterSchema);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportLeadsCsv(filter, user), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
