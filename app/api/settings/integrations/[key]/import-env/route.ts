// POST /api/settings/integrations/{key}/import-env — move an env-configured channel into the database.
// Only a channel's first account ("instagram", "whatsapp") can come from env.
import { withAdmin } from "@/lib/api/handler";
import { validate } from "@/lib/api/parse";
import { appOrigin } from "@/lib/settings/app-origin";
import { listIntegrations } from "@/lib/settings/list-integrations";
import { importIntegrationFromEnv } from "@/lib/settings/save-integration";
import { integrationChannelSchema } from "@/lib/validations/settings";

export const POST = withAdmin<{ key: string }>(async ({ req, params, user }) => {
  const channel = validate(integrationChannelSchema, params.key, "key");
  await importIntegrationFromEnv(channel, user.id);
  const integrations = await listIntegrations(appOrigin(req.headers));
  return Response.json({ integration: integrations.find((integration) => integration.key === channel) });
});
