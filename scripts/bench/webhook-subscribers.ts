// Ingest with outgoing webhooks: the same signed burst as the ingest bench, first with no webhook
// endpoint, then with two endpoints subscribed to message.received (local receivers that answer 200),
// each in a fresh app. The second must keep ≥ 0.9 × the first's events/s, and once the outbox has
// drained every stored message must have reached each receiver exactly once (by webhook-id).
import { startApp, TEST_ADMIN, type RunningApp } from "../../tests/helpers/app";
import { callApi } from "../../tests/helpers/api";
import { signIn } from "../../tests/helpers/session";
import { startWebhookReceiver, type WebhookReceiver } from "../../tests/helpers/webhook-receiver";
import { createDbClient } from "../../lib/db-client";
import { benchHealth, benchWebhooks, verifyStored, type LoadFigures, type LoadOptions } from "./ingest";

export interface SubscriberFigures {
  without: LoadFigures;
  with: LoadFigures;
  stored: number;
  /** Per receiver: distinct events received, and requests beyond one per event. */
  receivers: Array<{ distinct: number; repeated: number; storedMessagesMissing: number }>;
  deliverSeconds: number;
}

/** Seconds until every outbox delivery has been sent. */
async function outboxDrained(db: ReturnType<typeof createDbClient>): Promise<number> {
  const started = Date.now();
  while ((await db.webhookDelivery.count({ where: { status: { not: "delivered" } } })) > 0) {
    if (Date.now() - started > 600_000) throw new Error("Webhook deliveries did not drain in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (Date.now() - started) / 1000;
}

async function burst(app: RunningApp, options: LoadOptions) {
  if (options.warmupSeconds > 0) {
    const warmup = { ...options, durationSeconds: options.warmupSeconds };
    await benchHealth(app.url, warmup);
    await benchWebhooks(app.url, warmup);
    await verifyStored(app.databaseUrl.replace(/^file:/, ""), new Set());
    // The warm-up's deliveries are sent before the measured burst, so both runs start idle.
    const db = createDbClient(app.databaseUrl);
    try {
      await outboxDrained(db);
    } finally {
      await db.$disconnect();
    }
  }
  const result = await benchWebhooks(app.url, options);
  await verifyStored(app.databaseUrl.replace(/^file:/, ""), result.acknowledged);
  return result;
}

export async function benchWebhookSubscribers(
  options: LoadOptions,
  ports: { app: number; receivers: [number, number] },
  env: Record<string, string>,
): Promise<SubscriberFigures> {
  const plain = await startApp({ port: ports.app, env });
  let without: LoadFigures;
  try {
    without = (await burst(plain, options)).load;
  } finally {
    await plain.stop();
  }

  const receivers: WebhookReceiver[] = await Promise.all(ports.receivers.map((port) => startWebhookReceiver({ port })));
  const app = await startApp({ port: ports.app, env: { ...env, WEBHOOKS_ALLOW_PRIVATE_URLS: "true" } });
  try {
    const cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const receiver of receivers) {
      const res = await callApi(app.url, cookie, "POST", "/api/settings/webhooks", { url: `${receiver.url}/ok`, events: ["message.received"] });
      if (res.status !== 201) throw new Error(`Could not add a webhook endpoint: ${res.status} ${res.text}`);
    }
    const result = await burst(app, options);
    const db = createDbClient(app.databaseUrl);
    try {
      const deliverSeconds = await outboxDrained(db);
      const storedIds = new Set((await db.message.findMany({ where: { direction: "INBOUND" }, select: { id: true } })).map((row) => row.id));
      return {
        without,
        with: result.load,
        stored: storedIds.size,
        deliverSeconds,
        receivers: receivers.map((receiver) => {
          const ids = receiver.received.map((request) => String(request.headers["webhook-id"]));
          const messages = new Set(receiver.received.map((request) => (JSON.parse(request.body) as { data: { message: { id: string } } }).data.message.id));
          return {
            distinct: new Set(ids).size,
            repeated: ids.length - new Set(ids).size,
            storedMessagesMissing: [...storedIds].filter((id) => !messages.has(id)).length,
          };
        }),
      };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await app.stop();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  }
}
