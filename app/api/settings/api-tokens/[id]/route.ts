// DELETE /api/settings/api-tokens/{id} — revoke a token; its next request is refused.
import { withAdmin } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

export const DELETE = withAdmin<{ id: string }>(async ({ params, user }) => {
  await revokeApiToken(params.id, user.id);
  return Response.json({ revoked: true });
});
