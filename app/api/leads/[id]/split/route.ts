// POST /api/leads/[id]/split — { contactId }: the contact and its conversations leave for a new
// lead of their own (the undo of a merge). Answers { lead, newLead }.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { splitLead } from "@/lib/leads/split-lead";
import { splitLeadSchema } from "@/lib/validations/lead";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, splitLeadSchema);
  return Response.json(await splitLead(params.id, input, user));
});
