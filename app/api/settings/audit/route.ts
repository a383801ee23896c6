// GET /api/settings/audit?scope=integration|user|blocklist|event — the audit trail for one settings page.
import { withAdmin } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listAuditLog } from "@/lib/settings/audit-log";
import { auditQuerySchema } from "@/lib/validations/settings";

export const GET = withAdmin(async ({ req }) => {
  const { scope, limit } = parseQuery(req, auditQuerySchema);
  return Response.json({ entries: await listAuditLog(scope, limit) });
});
