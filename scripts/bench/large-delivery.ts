// One signed delivery of 2,500 WhatsApp messages against a running app: its acknowledgement time as
// a ratio to a one-message delivery's (same run), and /api/health's p95 while it is processed as a
// ratio to health alone. The webhook only logs and answers; processing runs in slices that yield
// the event loop (lib/inbox/ingest/process-event.ts), so neither ratio should grow with the size.
import { openDatabase } from "../../tests/helpers/database";
import type { RunningApp } from "../../tests/helpers/app";
import { DEMO_PHONE_NUMBER_ID, DEMO_WABA_ID, signPayload, waIdFor } from "../meta-sim/payloads";
import { appSecretFor } from "./channel-env";
import { percentile, timeRequests } from "./stats";

export interface LargeDeliveryFigures {
  items: number;
  smallAckMedian: number;
  largeAckMedian: number;
  healthAloneP95: number;
  healthDuringP95: number;
  healthDuringSamples: number;
  processSeconds: number;
  storedOnce: boolean;
}

const ROUNDS = 3;
const SMALL_DELIVERIES = 20;

function delivery(tag: string, count: number): string {
  const senders = Array.from({ length: Math.min(count, 50) }, (_, index) => waIdFor(`large.${index}`));
  const now = String(Math.floor(Date.now() / 1000));
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: DEMO_WABA_ID,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: DEMO_PHONE_NUMBER_ID },
              contacts: senders.map((wa_id, index) => ({ wa_id, profile: { name: `Bulk buyer ${index}` } })),
              messages: Array.from({ length: count }, (_, index) => ({
                from: senders[index % senders.length],
                id: `wamid.${tag}.${index}`,
                timestamp: now,
                type: "text",
                text: { body: `Order line ${index}: 2 chairs, 1 table` },
              })),
            },
          },
        ],
      },
    ],
  });
}

export async function benchLargeDelivery(app: RunningApp, items = 2500): Promise<LargeDeliveryFigures> {
  const db = openDatabase(app);
  const secret = appSecretFor("whatsapp");
  const post = (body: string) =>
    fetch(`${app.url}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signPayload(body, secret) },
      body,
    });
  const health = () => fetch(`${app.url}/api/health`);
  try {
    const healthAlone = await timeRequests(100, health);
    let small = 0;
    const smallAcks = await timeRequests(SMALL_DELIVERIES, () => post(delivery(`small${small++}`, 1)), { warmUp: 5 });

    const largeAcks: number[] = [];
    const during: number[] = [];
    let processSeconds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const body = delivery(`large${round}`, items);
      const started = performance.now();
      const res = await post(body);
      largeAcks.push(performance.now() - started);
      if (!res.ok) throw new Error(`Large delivery answered HTTP ${res.status}`);
      const { eventId } = (await res.json()) as { eventId: string };
      while ((await db.externalEventLog.findUniqueOrThrow({ where: { id: eventId }, select: { status: true } })).status === "RECEIVED") {
        during.push(...(await timeRequests(5, health, { warmUp: 0 })));
      }
      processSeconds += (performance.now() - started) / 1000;
    }
    const stored = await db.message.count({ where: { externalId: { startsWith: "wamid.large" } } });
    return {
      items,
      smallAckMedian: percentile(smallAcks, 50),
      largeAckMedian: percentile(largeAcks, 50),
      healthAloneP95: percentile(healthAlone, 95),
      healthDuringP95: percentile(during, 95),
      healthDuringSamples: during.length,
      processSeconds: processSeconds / ROUNDS,
      storedOnce: stored === items * ROUNDS,
    };
  } finally {
    await db.$disconnect();
  }
}
