// GET /api/settings/security — the team's sign-in rules; PUT replaces them (two-factor for admins,
// session idle timeout and absolute lifetime).
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { getSecurityPolicy, saveSecurityPolicy } from "@/lib/users/security-policy";
import { securityPolicySchema } from "@/lib/validations/security";

export const GET = withAdmin(async () => Response.json({ policy: await getSecurityPolicy() }));

export const PUT = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, securityPolicySchema);
  const policy = await saveSecurityPolicy(input);
  await writeAuditLog({ actorId: user.id, action: "user.security-policy", target: "sign-in rules", details: { ...policy } });
  return Response.json({ policy });
});
