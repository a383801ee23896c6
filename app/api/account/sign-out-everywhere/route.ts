// POST /api/account/sign-out-everywhere — ends every session of the signed-in user, this one included.
import { withUser } from "@/lib/api/handler";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { endAllUserSessions } from "@/lib/users/user-sessions";

export const POST = withUser(async ({ user }) => {
  await endAllUserSessions(user.id);
  await writeAuditLog({ actorId: user.id, action: "user.sign-out-everywhere", target: user.email });
  return Response.json({ signedOut: true });
});
