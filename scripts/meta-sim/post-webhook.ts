// Delivers a payload to the app the way Meta does: one serialisation, signed over those exact bytes.
import { signPayload } from "./sign-payload";

export interface PostWebhookInput {
  /** The app's base URL, e.g. http://localhost:3000 (a trailing slash is fine). */
  appUrl: string;
  channel: "instagram" | "whatsapp" | "messenger";
  payload: unknown;
  appSecret: string;
  /** Aborts the request after this many milliseconds. */
  timeoutMs?: number;
}

export function postWebhook({ appUrl, channel, payload, appSecret, timeoutMs }: PostWebhookInput): Promise<Response> {
  const rawBody = JSON.stringify(payload);
  return fetch(`${appUrl.replace(/\/+$/, "")}/api/webhooks/${channel}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signPayload(rawBody, appSecret) },
    body: rawBody,
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
}
