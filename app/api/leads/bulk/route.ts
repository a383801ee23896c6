// POST /api/leads/bulk — { ids, status?, ownerId? }: the table's bulk assign / stage change for the
// selected leads the caller may see. Answers { updated }.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { bulkUpdateLeads } from "@/lib/leads/bulk-update-leads";
import { bulkUpdateLeadsSchema } from "@/lib/validations/lead";

export const POST = withUser(async ({ req, user }) => Response.json(await bulkUpdateLeads(await parseJsonBody(req, bulkUpdateLeadsSchema), user)));
