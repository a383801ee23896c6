// GET /api/settings/labels — the team's labels `{ labels: [{ id, name, color }] }` (any staff member:
// the inbox's label picker needs them). POST `{ name, color }` — admins add one; 201 `{ label }`, 409 for a taken name.
import { withAdmin, withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { createLabel, listLabels } from "@/lib/labels/manage-labels";
import { createLabelSchema } from "@/lib/validations/label";

export const GET = withUser(async () => Response.json({ labels: await listLabels() }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, createLabelSchema);
  return Response.json({ label: await createLabel(input, user) }, { status: 201 });
});
