// PATCH /api/settings/webhooks/{id} — { url?, events?, enabled? } (enabled: true re-enables a
// failing endpoint); DELETE removes it with its delivery log.
import { withAdmin } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/outbound-webhooks/manage-endpoints";
import { updateWebhookSchema } from "@/lib/validations/webhooks";

export const PATCH = withAdmin<{ id: string }>(async ({ req, params, user }) => {
  const input = await parseJsonBody(req, updateWebhookSchema);
  return Response.json({ endpoint: await updateWebhookEndpoint(params.id, input, user.id) });
});

export const DELETE = withAdmin<{ id: string }>(async ({ params, user }) => {
  await deleteWebhookEndpoint(params.id, user.id);
  return Response.json({ deleted: true });
});
