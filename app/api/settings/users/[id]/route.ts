// PATCH /api/settings/users/{id} — change a role, or disable / re-enable; both end the person's sessions.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { updateStaffMember } from "@/lib/settings/manage-team";
import { updateStaffSchema } from "@/lib/validations/settings";

export const PATCH = withAdmin<{ id: string }>(async ({ req, params, user }) => {
  const change = await parseJsonBody(req, updateStaffSchema);
  return Response.json({ user: await updateStaffMember(params.id, change, user.id) });
});
