// GET /api/leads/[id] — one lead with its contacts, conversations and source: { lead }.
// PATCH — { status?, ownerId?, value?, currency?, name?, lostReason? }; audited, live on the event bus.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { getLead } from "@/lib/leads/get-lead";
import { updateLead } from "@/lib/leads/update-lead";
import { updateLeadSchema } from "@/lib/validations/lead";

export const GET = withUser<{ id: string }>(async ({ params, user }) => Response.json({ lead: await getLead(params.id, user) }));

export const PATCH = withUser<{ id: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, updateLeadSchema);
  return Response.json(await updateLead(params.id, input, user));
});
