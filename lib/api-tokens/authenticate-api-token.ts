import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { ApiTokenScope } from "@/lib/validations/api-tokens";
import { hashApiToken } from "./token-secret";

export interface ApiCaller {
  tokenId: string;
  scope: ApiTokenScope;
  /** The token's creator: what the API may see and do, and who its replies are sent as. */
  user: SessionUser;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** `Authorization: Bearer <token>` → the live token and its creator, or 401. */
export async function authenticateApiToken(authorization: string | null): Promise<ApiCaller> {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) {
    throw new ApiError({ code: "UNAUTHORIZED", message: "Send an API token as `Authorization: Bearer <token>` (Settings → API)" });
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      createdBy: { select: { id: true, name: true, email: true, role: true, disabledAt: true, totpEnabledAt: true } },
    },
  });
  // A disabled creator's tokens stop with their sign-in.
  if (!row || row.revokedAt || row.createdBy.disabledAt) {
    throw new ApiError({ code: "UNAUTHORIZED", message: "This API token is not valid (revoked, or never existed)" });
  }
  const { disabledAt: _disabledAt, totpEnabledAt, ...creator } = row.createdBy;
  // A token is not a sign-in: the team's two-factor rule is checked when the admin creates it.
  const user = { ...creator, twoFactorEnabled: totpEnabledAt !== null, mustEnrollTwoFactor: false };
  return { tokenId: row.id, scope: row.scope as ApiTokenScope, user };
}
