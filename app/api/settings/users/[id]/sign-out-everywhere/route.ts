// POST /api/settings/users/[id]/sign-out-everywhere — admins end every session of a team member.
import { withAdmin } from "@/lib/api/handler";
import { signOutStaffEverywhere } from "@/lib/settings/manage-team";

export const POST = withAdmin<{ id: string }>(async ({ params, user }) => {
  await signOutStaffEverywhere(params.id, user.id);
  return Response.json({ signedOut: true });
});
