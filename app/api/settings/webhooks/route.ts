// GET /api/settings/webhooks — outgoing webhook endpoints (never their secrets); POST { url, events }
// → 201 { id, secret }: the Standard Webhooks signing secret (whsec_…), returned only here.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/outbound-webhooks/manage-endpoints";
import { createWebhookSchema } from "@/lib/validations/webhooks";

export const GET = withAdmin(async () => Response.json({ endpoints: await listWebhookEndpoints() }));

export const POST = withAdmin(async ({ req, user }) => {
  const input = await parseJsonBody(req, createWebhookSchema);
  return Response.json(await createWebhookEndpoint(input, user.id), { status: 201 });
});
