// GET/POST /api/webhooks/messenger — Meta's Messenger (Facebook Page) webhook: subscription handshake and signed deliveries.
import { handleWebhookDelivery, handleWebhookVerification } from "@/lib/inbox/webhooks/handle-webhook";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleWebhookVerification(req, "messenger");
export const POST = (req: Request) => handleWebhookDelivery(req, "messenger");
