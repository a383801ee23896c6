// POST /api/settings/integrations/{channel}/test — ask the Graph API who the token belongs to.
// A failed test is an answer, not a request error: 200 with { ok: false, error }.
import { withAdmin } from "@/lib/api/handler";
import { validate } from "@/lib/api/parse";
import { testConnection } from "@/lib/settings/test-connection";
import { integrationChannelSchema } from "@/lib/validations/settings";

export const POST = withAdmin<{ channel: string }>(async ({ params, user }) => {
  const channel = validate(integrationChannelSchema, params.channel, "channel");
  return Response.json(await testConnection(channel, user.id));
});
