// GET/POST /api/webhooks/instagram — Meta's Instagram webhook: subscription handshake and signed deliveries.
import { handleWebhookDelivery, handleWebhookVerification } from "@/lib/inbox/webhooks/handle-webhook";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleWebhookVerification(req, "instagram");
export const POST = (req: Request) => handleWebhookDelivery(req, "instagram");
