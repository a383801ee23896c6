// Webhook ingest under a burst: signed Instagram and WhatsApp deliveries from autocannon, each with
// its own message id, 10% exact redeliveries; then the same load on /api/health for the ratio; then
// the database must hold every acknowledged message exactly once. Both routes are warmed up first
// (the same load for a few seconds, not counted, its backlog drained): a server that has just
// started compiles and loads each route's code on first use, and Meta's bursts reach a running one.
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { instagramText, messengerText, newInstagramMid, newMessengerMid, newWamid, signPayload, whatsappText } from "../meta-sim/payloads";
import { appSecretFor } from "./channel-env";
import { createRandom } from "./random";

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  redeliveryShare: number;
  channels: ChannelKey[];
}

export type ChannelKey = "instagram" | "whatsapp" | "messenger";

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface IngestFigures {
  webhook: LoadFigures;
  health: LoadFigures;
  /** Deliveries answered 200, of which exact redeliveries. */
  acknowledged: number;
  redeliveries: number;
  uniqueAcknowledged: number;
  /** After processing drained: unique messages found once, missing, and rows beyond one per id. */
  storedOnce: number;
  missing: number;
  duplicates: number;
  failedEvents: number;
  drainSeconds: number;
}

interface Delivery {
  channel: ChannelKey;
  externalId: string;
  body: string;
  signature: string;
}

function figures(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Builds a fresh signed delivery: a text from one of a pool of customers, channels in equal shares. */
function deliveryFactory(seed: number, channels: ChannelKey[]) {
  const random = createRandom(seed);
  return (): Delivery => {
    const customer = random.int(1000);
    const channel = random.pick(channels);
    if (channel === "messenger") {
      const mid = newMessengerMid();
      const body = JSON.stringify(messengerText({ senderId: `2${String(customer).padStart(15, "0")}`, mid, text: `Burst message ${mid.slice(-10)}` }));
      return { channel: "messenger", externalId: mid, body, signature: signPayload(body, appSecretFor("messenger")) };
    }
    if (channel === "instagram") {
      const mid = newInstagramMid();
      const body = JSON.stringify(instagramText({ senderId: `9${String(customer).padStart(15, "0")}`, mid, text: `Burst message ${mid.slice(-10)}` }));
      return { channel: "instagram", externalId: mid, body, signature: signPayload(body, appSecretFor("instagram")) };
    }
    const from = `3519${String(customer).padStart(8, "0")}`;
    const wamid = newWamid(from);
    const body = JSON.stringify(whatsappText({ from, name: `Customer ${customer}`, wamid, text: `Burst message ${wamid.slice(-10)}` }));
    return { channel: "whatsapp", externalId: wamid, body, signature: signPayload(body, appSecretFor("whatsapp")) };
  };
}

export async function runLoad(
  url: string,
  options: LoadOptions,
  request: autocannon.Request,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [request],
  });
}

export async function benchHealth(appUrl: string, options: LoadOptions): Promise<LoadFigures> {
  return figures(await runLoad(appUrl, options, { method: "GET", path: "/api/health" }));
}

export async function benchWebhooks(appUrl: string, options: LoadOptions) {
  const next = deliveryFactory(8, options.channels);
  const random = createRandom(9);
  const recent: Delivery[] = [];
  const acknowledged = new Set<string>();
  let acknowledgedCount = 0;
  let redeliveries = 0;

  const result = await runLoad(appUrl, options, {
    method: "POST",
    // One delivery per request; the connection's context remembers which, for the response.
    setupRequest: (request, context) => {
      const redeliver = recent.length > 0 && random.next() < options.redeliveryShare;
      const delivery = redeliver ? recent[random.int(recent.length)] : next();
      if (!redeliver) {
        recent.push(delivery);
        if (recent.length > 500) recent.shift();
      }
      context.delivery = delivery;
      context.redelivery = redeliver;
      return {
        ...request,
        path: `/api/webhooks/${delivery.channel}`,
        headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature },
        body: delivery.body,
      };
    },
    onResponse: (status, _body, context) => {
      if (status !== 200) return;
      acknowledgedCount++;
      if (context.redelivery) redeliveries++;
      acknowledged.add((context.delivery as Delivery).externalId);
    },
  });
  return { load: figures(result), acknowledged, acknowledgedCount, redeliveries };
}

/** Waits until the app has processed every logged event (nothing left RECEIVED); returns the seconds it took. */
async function drained(database: Database.Database, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const pending = database.prepare(`SELECT count(*) AS n FROM "ExternalEventLog" WHERE "status" = 'RECEIVED'`);
  while ((pending.get() as { n: number }).n > 0) {
    if (Date.now() - started > timeoutMs) throw new Error("Webhook processing did not drain in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (Date.now() - started) / 1000;
}

function openDatabase(databaseFile: string) {
  const database = new Database(databaseFile, { readonly: true, fileMustExist: true });
  database.pragma("busy_timeout = 5000");
  return database;
}

/** Once processing drained: every acknowledged message counted in the database. */
export async function verifyStored(databaseFile: string, acknowledged: Set<string>, drainTimeoutMs = 600_000) {
  const database = openDatabase(databaseFile);
  try {
    const drainSeconds = await drained(database, drainTimeoutMs);
    const count = database.prepare(`SELECT count(*) AS n FROM "Message" WHERE "externalId" = ?`).pluck();
    let storedOnce = 0;
    let missing = 0;
    let duplicates = 0;
    for (const externalId of acknowledged) {
      const n = count.get(externalId) as number;
      if (n === 0) missing++;
      else storedOnce++;
      if (n > 1) duplicates += n - 1;
    }
    const failedEvents = database.prepare(`SELECT count(*) FROM "ExternalEventLog" WHERE "status" = 'FAILED'`).pluck().get() as number;
    return { storedOnce, missing, duplicates, failedEvents, drainSeconds };
  } finally {
    database.close();
  }
}

export async function benchIngest(app: { url: string; databaseUrl: string }, options: LoadOptions): Promise<IngestFigures> {
  const databaseFile = app.databaseUrl.replace(/^file:/, "");
  let warmedUp = new Set<string>();
  if (options.warmupSeconds > 0) {
    const warmup = { ...options, durationSeconds: options.warmupSeconds };
    await benchHealth(app.url, warmup);
    warmedUp = (await benchWebhooks(app.url, warmup)).acknowledged;
    const database = openDatabase(databaseFile);
    try {
      await drained(database, 600_000);
    } finally {
      database.close();
    }
  }
  const health = await benchHealth(app.url, options);
  const webhook = await benchWebhooks(app.url, options);
  // The warm-up's deliveries are held to the same standard: each stored once.
  const acknowledged = new Set([...warmedUp, ...webhook.acknowledged]);
  const stored = await verifyStored(databaseFile, acknowledged);
  return {
    webhook: webhook.load,
    health,
    acknowledged: webhook.acknowledgedCount,
    redeliveries: webhook.redeliveries,
    uniqueAcknowledged: acknowledged.size,
    ...stored,
  };
}
