// POST /api/settings/users/{id}/password — set a new password; the person's sessions end at once.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { resetStaffPassword } from "@/lib/settings/manage-team";
import { resetPasswordSchema } from "@/lib/validations/settings";

export const POST = withAdmin<{ id: string }>(async ({ req, params, user }) => {
  const { password } = await parseJsonBody(req, resetPasswordSchema);
  return Response.json({ user: await resetStaffPassword(params.id, password, user.id) });
});
