// GET /api/settings/api-tokens — live API tokens (never their secrets); POST { name, scope } →
// 201 { id, token }: the only time the secret is returned.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { createApiTokenSchema } from "@/lib/validations/api-tokens";

export const GET = withAdmin(async () => Response.json({ tokens: await listApiTokens() }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, createApiTokenSchema);
  return Response.json(await createApiToken(input, user.id), { status: 201 });
});
