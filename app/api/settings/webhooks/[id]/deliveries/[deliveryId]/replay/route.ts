// POST /api/settings/webhooks/{id}/deliveries/{deliveryId}/replay — send that event again (same webhook-id).
import { withAdmin } from "@/lib/api/handler";
import { replayWebhookDelivery } from "@/lib/outbound-webhooks/manage-endpoints";

export const POST = withAdmin<{ id: string; deliveryId: string }>(async ({ params, user }) => {
  await replayWebhookDelivery(params.id, params.deliveryId, user.id);
  return Response.json({ replayed: true }, { status: 202 });
});
