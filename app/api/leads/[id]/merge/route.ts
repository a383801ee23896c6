// POST /api/leads/[id]/merge — { leadId, status? }: that lead (contacts, conversations, notes, logs)
// becomes part of this one and then answers 404. Answers { lead }, the merged lead. Also how the
// inbox links a conversation to an existing lead.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { mergeLeads } from "@/lib/leads/merge-leads";
import { mergeLeadSchema } from "@/lib/validations/lead";

export const POST = withUser<{ id: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, mergeLeadSchema);
  return Response.json(await mergeLeads(params.id, input, user));
});
