// GET /api/leads — the pipeline's leads, filtered (status, ownerId|me|none, channel, source, q, last
// contact range), sorted (lastContactAt | value | createdAt) and cursor-paged: { leads, nextCursor }.
import { withUser } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listLeads } from "@/lib/leads/list-leads";
import { listLeadsQuerySchema } from "@/lib/validations/lead";

export const GET = withUser(async ({ req, user }) => Response.json(await listLeads(parseQuery(req, listLeadsQuerySchema), user)));
