import { z } from "zod";

/** Settings → Security: the team's sign-in rules. */
export const securityPolicySchema = z.strictObject({
  requireTwoFactorForAdmins: z.boolean(),
  /** 5 minutes to 30 days. */
  sessionIdleMinutes: z.number().int().min(5).max(43_200),
  /** 1 hour to 30 days (the session cookie's own lifetime). */
  sessionMaxHours: z.number().int().min(1).max(720),
});
export type SecurityPolicyInput = z.infer<typeof securityPolicySchema>;

/** A TOTP code (6 digits) or a recovery code ("k7m2q-x9p4t"). */
export const twoFactorCodeSchema = z.strictObject({
  code: z.string().trim().min(6, "Enter the code from your authenticator app").max(20),
});
export type TwoFactorCodeInput = z.infer<typeof twoFactorCodeSchema>;
