// GET /api/v1/leads/{id} — one lead: { lead }. PATCH (read_write tokens) — the app's lead update
// rules, audited and live, as the token's creator.
import { parseJsonBody } from "@/lib/api/parse";
import { withApiToken } from "@/lib/api/with-api-token";
import { getLead } from "@/lib/leads/get-lead";
import { updateLead } from "@/lib/leads/update-lead";
import { updateLeadSchema } from "@/lib/validations/lead";

export const GET = withApiToken<{ id: string }>("read", async ({ params, caller }) => Response.json({ lead: await getLead(params.id, caller.user) }));

export const PATCH = withApiToken<{ id: string }>("write", async ({ req, params, caller }) => {
  const input = await parseJsonBody(req, updateLeadSchema);
  return Response.json(await updateLead(params.id, input, caller.user));
});
