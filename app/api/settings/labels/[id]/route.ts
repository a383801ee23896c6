// PATCH /api/settings/labels/[id] — admins rename or recolour `{ name?, color? }`; `{ label }`.
// DELETE — removes the label from the catalogue and from every conversation; 204.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { deleteLabel, updateLabel } from "@/lib/labels/manage-labels";
import { updateLabelSchema } from "@/lib/validations/label";

export const PATCH = withAdmin<{ id: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, updateLabelSchema);
  return Response.json({ label: await updateLabel(params.id, input, user) });
});

export const DELETE = withAdmin<{ id: string }>(async ({ params, user }) => {
  await deleteLabel(params.id, user);
  return new Response(null, { status: 204 });
});
