// PUT /api/settings/integrations/{channel} — save a channel's settings (empty secret = keep the stored one).
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody, validate } from "@/lib/api/parse";
import { appOrigin } from "@/lib/settings/app-origin";
import { listIntegrations } from "@/lib/settings/list-integrations";
import { saveIntegration } from "@/lib/settings/save-integration";
import { integrationChannelSchema, saveIntegrationSchema } from "@/lib/validations/settings";

export const PUT = withAdmin<{ channel: string }>(async ({ req, params, user }) => {
  const channel = validate(integrationChannelSchema, params.channel, "channel");
  const input = await parseJsonBody(req, saveIntegrationSchema);
  await saveIntegration(channel, input, user.id);
  const integrations = await listIntegrations(appOrigin(req.headers));
  return Response.json({ integration: integrations.find((integration) => integration.channel === channel) });
});
