import { db } from "@/lib/db";
import type { SecurityPolicyInput } from "@/lib/validations/security";

export interface SecurityPolicy {
  requireTwoFactorForAdmins: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

const ID = "team";
const DEFAULTS: SecurityPolicy = { requireTwoFactorForAdmins: false, sessionIdleMinutes: 720, sessionMaxHours: 720 };

/** The team's sign-in rules: the saved row, or the defaults before an admin saved any. */
export async function getSecurityPolicy(): Promise<SecurityPolicy> {
  const row = await db.securityPolicy.findUnique({
    where: { id: ID },
    select: { requireTwoFactorForAdmins: true, sessionIdleMinutes: true, sessionMaxHours: true },
  });
  return row ?? DEFAULTS;
}

export async function saveSecurityPolicy(input: SecurityPolicyInput): Promise<SecurityPolicy> {
  return db.securityPolicy.upsert({
    where: { id: ID },
    create: { id: ID, ...input },
    update: input,
    select: { requireTwoFactorForAdmins: true, sessionIdleMinutes: true, sessionMaxHours: true },
  });
}
