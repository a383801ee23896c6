import { ApiError, errorResponse } from "@/lib/api/errors";
import { parseJsonText, readRawBody } from "@/lib/api/parse";
import { getChannel } from "@/lib/channels/registry";
import type { ChannelKey } from "@/lib/channels/types";
import { enqueueEvent } from "@/lib/inbox/webhooks/event-queue";
import { recordDelivery } from "@/lib/inbox/webhooks/record-delivery";
import { addressedIds, signingAccounts, unsignedRecipients, webhookRecipientIds } from "@/lib/inbox/webhooks/webhook-accounts";
import { cachedChannelAccounts } from "@/lib/settings/channel-credentials";

/**
 * Meta's webhook contract, the same for every channel: a GET handshake, then signed POST
 * deliveries that we log first and process after answering (see event-queue.ts for why).
 */

/** GET: Meta checks that we own the callback URL before it sends anything. */
export async function handleWebhookVerification(req: Request, key: ChannelKey): Promise<Response> {
  const params = new URL(req.url).searchParams;
  const accounts = await cachedChannelAccounts(key);
  const challenge = params.get("hub.challenge");
  const verifyToken = params.get("hub.verify_token");
  // Each connected account's Meta app runs its own handshake against the shared callback URL.
  if (
    params.get("hub.mode") === "subscribe" &&
    accounts.some((account) => account.creds.verifyToken === verifyToken) &&
    challenge !== null
  ) {
    return new Response(challenge, { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  console.warn(`[webhook ${key}] verification refused (mode or verify token did not match)`);
  return errorResponse(new ApiError({ code: "FORBIDDEN", message: "Verification failed" }));
}

/**
 * POST: a delivery. Everything but a valid, signed, well-formed one is refused and not stored.
 * The signature is checked on the raw bytes before anything parses them, so an unsigned body costs
 * no JSON or zod work; one without even a well-formed signature header is refused before its body
 * is read. Then every account the delivery addresses must be one whose secret signed it.
 */
export async function handleWebhookDelivery(req: Request, key: ChannelKey): Promise<Response> {
  try {
    const adapter = getChannel(key);
    const signature = req.headers.get("x-hub-signature-256");
    if (!looksLikeSignature(signature)) throw invalidSignature(key);
    const accounts = await cachedChannelAccounts(key);
    if (accounts.length === 0) {
      console.warn(`[webhook ${key}] delivery refused: channel not configured`);
      throw new ApiError({ code: "SERVICE_UNAVAILABLE", message: `${adapter.label} is not configured` });
    }
    const raw = await readRawBody(req);
    const signers = signingAccounts(accounts, raw, signature);
    if (signers.length === 0) throw invalidSignature(key);

    const rawBody = raw.toString("utf8");
    const payload = parseJsonText(rawBody) as { object?: unknown } | null;
    if (payload?.object !== adapter.webhookObject) {
      throw new ApiError({ code: "BAD_REQUEST", message: `Expected object "${adapter.webhookObject}"` });
    }
    const foreign = unsignedRecipients(accounts, signers, addressedIds(accounts, webhookRecipientIds(payload)));
    if (foreign.length > 0) {
      throw invalidSignature(key, `it addresses account(s) ${foreign.join(", ")} whose app secret did not sign it`);
    }
    const eventId = await recordDelivery(key, rawBody);
    enqueueEvent(eventId);
    return Response.json({ received: true, eventId });
  } catch (error) {
    return errorResponse(error);
  }
}

function looksLikeSignature(header: string | null): header is string {
  return header !== null && /^sha256=[0-9a-f]{64}$/i.test(header.trim());
}

/** One answer for every signature refusal (which secret was tried is nobody's business); the log says which. */
function invalidSignature(key: ChannelKey, reason = "missing or invalid X-Hub-Signature-256") {
  console.warn(`[webhook ${key}] delivery refused: ${reason}`);
  return new ApiError({ code: "INVALID_SIGNATURE", message: "Invalid signature" });
}
