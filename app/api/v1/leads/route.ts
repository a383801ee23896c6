// GET /api/v1/leads — the REST API's lead list: the app's filters, sorts and cursor pages (/api/leads).
import { parseQuery } from "@/lib/api/parse";
import { withApiToken } from "@/lib/api/with-api-token";
import { listLeads } from "@/lib/leads/list-leads";
import { listLeadsQuerySchema } from "@/lib/validations/lead";

export const GET = withApiToken("read", async ({ req, caller }) => Response.json(await listLeads(parseQuery(req, listLeadsQuerySchema), caller.user)));
