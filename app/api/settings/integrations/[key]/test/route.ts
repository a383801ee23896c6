// POST /api/settings/integrations/{key}/test — ask the Graph API who the account's token belongs to.
// A failed test is an answer, not a request error: 200 with { ok: false, error }.
import { withAdmin } from "@/lib/api/handler";
import { validate } from "@/lib/api/parse";
import { testConnection } from "@/lib/settings/test-connection";
import { integrationKeySchema } from "@/lib/validations/settings";

export const POST = withAdmin<{ key: string }>(async ({ params, user }) => {
  const key = validate(integrationKeySchema, params.key, "key");
  return Response.json(await testConnection(key, user.id));
});
