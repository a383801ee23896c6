// GET /api/settings/integrations — every account's settings card; secrets only as masks.
// POST /api/settings/integrations — add another Instagram account ({ channel, loginVariant }); 201 with its card.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { appOrigin } from "@/lib/settings/app-origin";
import { listIntegrations } from "@/lib/settings/list-integrations";
import { addIntegrationAccount } from "@/lib/settings/save-integration";
import { addIntegrationSchema } from "@/lib/validations/settings";

export const GET = withAdmin(async ({ req }) => Response.json({ integrations: await listIntegrations(appOrigin(req.headers)) }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, addIntegrationSchema);
  const key = await addIntegrationAccount(input, user.id);
  const integrations = await listIntegrations(appOrigin(req.headers));
  return Response.json({ integration: integrations.find((integration) => integration.key === key) }, { status: 201 });
});
