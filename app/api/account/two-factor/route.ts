// /api/account/two-factor — the signed-in user's own two-factor sign-in (TOTP):
// POST starts enrolment (`{ secret, otpauthUri }` for the authenticator app), PUT `{ code }`
// confirms it (`{ recoveryCodes }`, shown once), DELETE `{ code }` turns it off.
import { withUser } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/users/two-factor";
import { twoFactorCodeSchema } from "@/lib/validations/security";

export const POST = withUser(async ({ user }) => Response.json(await startTwoFactorEnrolment(user.id)));

export const PUT = withUser(async ({ req, user }) => {
  const { code } = await parseJsonBody(req, twoFactorCodeSchema);
  const recoveryCodes = await confirmTwoFactorEnrolment(user.id, code);
  await writeAuditLog({ actorId: user.id, action: "user.two-factor-enable", target: user.email });
  return Response.json({ recoveryCodes });
});

export const DELETE = withUser(async ({ req, user }) => {
  const { code } = await parseJsonBody(req, twoFactorCodeSchema);
  await disableTwoFactor(user.id, code);
  await writeAuditLog({ actorId: user.id, action: "user.two-factor-disable", target: user.email });
  return Response.json({ twoFactorEnabled: false });
});
