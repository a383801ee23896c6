// GET /api/settings/integrations — every channel's settings card; secrets only as masks.
import { withAdmin } from "@/lib/api/handler";
import { appOrigin } from "@/lib/settings/app-origin";
import { listIntegrations } from "@/lib/settings/list-integrations";

export const GET = withAdmin(async ({ req }) => Response.json({ integrations: await listIntegrations(appOrigin(req.headers)) }));
