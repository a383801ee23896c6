// GET /api/settings/webhooks/{id}/deliveries — the endpoint's delivery log, newest first:
// status, attempts, last status code, duration and response excerpt.
import { withAdmin } from "@/lib/api/handler";
import { listWebhookDeliveries } from "@/lib/outbound-webhooks/manage-endpoints";

export const GET = withAdmin<{ id: string }>(async ({ params }) => Response.json({ deliveries: await listWebhookDeliveries(params.id) }));
