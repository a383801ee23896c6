// Webhook received → event on the inbox's SSE stream, one delivery at a time so each event belongs
// to the delivery just sent.
import { instagramText, postWebhook, whatsappText } from "../meta-sim/payloads";
import { appSecretFor } from "./channel-env";
import type { ChannelKey } from "./ingest";
import { openSse } from "./sse-client";

const isMessageCreated = (event: unknown) =>
  typeof event === "object" && event !== null && (event as { type?: unknown }).type === "message.created";

export async function benchLiveLatency(appUrl: string, cookie: string, samples: number, channels: ChannelKey[]): Promise<number[]> {
  const stream = await openSse(`${appUrl}/api/inbox/events`, cookie);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const channel = channels[i % channels.length];
      const payload =
        channel === "instagram"
          ? instagramText({ senderId: `8${String(i % 20).padStart(15, "0")}`, text: `Live ${i}` })
          : whatsappText({ from: `3519600000${String(i % 20).padStart(2, "0")}`, text: `Live ${i}` });
      const started = performance.now();
      const response = await postWebhook({ appUrl, channel, payload, appSecret: appSecretFor(channel) });
      if (response.status !== 200) throw new Error(`Webhook answered HTTP ${response.status}`);
      await stream.next(isMessageCreated, 5_000);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    stream.close();
  }
  return latencies;
}
