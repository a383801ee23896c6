// GET/POST /api/webhooks/whatsapp — Meta's WhatsApp webhook: subscription handshake and signed deliveries.
import { handleWebhookDelivery, handleWebhookVerification } from "@/lib/inbox/webhooks/handle-webhook";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleWebhookVerification(req, "whatsapp");
export const POST = (req: Request) => handleWebhookDelivery(req, "whatsapp");
