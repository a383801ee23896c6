// GET /api/leads/[id]/duplicates — likely the same person (same phone, same name on another
// channel): { duplicates: [{ lead, reasons }] }. Never merges by itself.
import { withUser } from "@/lib/api/handler";
import { findDuplicateLeads } from "@/lib/leads/find-duplicates";

export const GET = withUser<{ id: string }>(async ({ params, user }) => Response.json(await findDuplicateLeads(params.id, user)));
