import { ApiError, errorResponse } from "@/lib/api/errors";
import { parseJsonText, readRawBody } from "@/lib/api/parse";
import { verifySignature } from "@/lib/channels/meta/verify-signature";
import { getChannel } from "@/lib/channels/registry";
import type { ChannelKey } from "@/lib/channels/types";
import { enqueueEvent } from "@/lib/inbox/webhooks/event-queue";
import { recordDelivery } from "@/lib/inbox/webhooks/record-delivery";
import { cachedChannelCredentials } from "@/lib/settings/channel-credentials";

/**
 * Meta's webhook contract, the same for every channel: a GET handshake, then signed POST
 * deliveries that we log first and process after answering (see event-queue.ts for why).
 */

/** GET: Meta checks that we own the callback URL before it sends anything. */
export async function handleWebhookVerification(req: Request, key: ChannelKey): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const creds = await cachedChannelCredentials(key);
  const challenge = params.get("hub.challenge");
  if (
    creds &&
    params.get("hub.mode") === "subscribe" &&
    params.get("hub.verify_token") === creds.verifyToken &&
    challenge !== null
  ) {
    return new Response(challenge, { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  console.warn(`[webhook ${key}] verification refused (mode or verify token did not match)`);
  return errorResponse(new ApiError({ code: "FORBIDDEN", message: "Verification failed" }));
}

/** POST: a delivery. Everything but a valid, signed, well-formed one is refused and not stored. */
export async function handleWebhookDelivery(req: Request, key: ChannelKey): Promise<Response> {
  try {
    const adapter = getChannel(key);
    const raw = await readRawBody(req);
    const creds = await cachedChannelCredentials(key);
    if (!creds) {
      console.warn(`[webhook ${key}] delivery refused: channel not configured`);
      throw new ApiError({ code: "SERVICE_UNAVAILABLE", message: `${adapter.label} is not configured` });
    }
    if (!verifySignature(raw, req.headers.get("x-hub-signature-256"), creds.appSecret)) {
      console.warn(`[webhook ${key}] delivery refused: missing or invalid X-Hub-Signature-256`);
      throw new ApiError({ code: "INVALID_SIGNATURE", message: "Invalid signature" });
    }
    const rawBody = raw.toString("utf8");
    const payload = parseJsonText(rawBody) as { object?: unknown } | null;
    if (payload?.object !== adapter.webhookObject) {
      throw new ApiError({ code: "BAD_REQUEST", message: `Expected object "${adapter.webhookObject}"` });
    }
    const eventId = await recordDelivery(key, rawBody);
    enqueueEvent(eventId);
    return Response.json({ received: true, eventId });
  } catch (error) {
    return errorResponse(error);
  }
}
