// PUT /api/settings/integrations/{key} — save one account's settings (empty secret = keep the stored one).
// {key} is a channel's first account ("instagram", "whatsapp") or a further one ("instagram-2").
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody, validate } from "@/lib/api/parse";
import { appOrigin } from "@/lib/settings/app-origin";
import { listIntegrations } from "@/lib/settings/list-integrations";
import { saveIntegration } from "@/lib/settings/save-integration";
import { integrationKeySchema, saveIntegrationSchema } from "@/lib/validations/settings";

export const PUT = withAdmin<{ key: string }>(async ({ req, params, user }) => {
  const key = validate(integrationKeySchema, params.key, "key");
  const input = await parseJsonBody(req, saveIntegrationSchema);
  await saveIntegration(key, input, user.id);
  const integrations = await listIntegrations(appOrigin(req.headers));
  return Response.json({ integration: integrations.find((integration) => integration.key === key) });
});
