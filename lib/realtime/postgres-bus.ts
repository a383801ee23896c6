import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import type { EventBus, InboxEvent, InboxEventListener } from "@/lib/realtime/types";

/**
 * The event bus across app instances sharing one PostgreSQL database: every instance LISTENs on one
 * channel and publishes with NOTIFY, so a webhook received by instance A reaches browsers connected
 * to instance B. Subscribers on the publishing instance get the event directly (not through the
 * database), so a lost connection never silences the instance's own updates.
 *
 * One dedicated connection per instance listens; it reconnects with backoff when PostgreSQL restarts
 * or the network drops it. Events NOTIFYed while it is down are missed — live updates are a hint to
 * refetch, and clients refetch on reconnect and focus. Payloads are ids only (NOTIFY caps them at 8 kB).
 */

export const POSTGRES_BUS_CHANNEL = "inbox_events";
/** Lets an operator (or a test) tell the listening session apart in pg_stat_activity. */
export const POSTGRES_BUS_APPLICATION_NAME = "inbox-event-bus";
const MAX_PAYLOAD_BYTES = 7_900;

export interface PostgresBus extends EventBus {
  /** Resolves once this instance is listening (connecting first if nothing has used the bus yet). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface PostgresBusOptions {
  reconnectDelayMs?: { initial: number; max: number };
  log?: (message: string) => void;
}

interface Envelope {
  /** The publishing instance, so it can skip its own events (already delivered locally). */
  origin: string;
  event: InboxEvent;
}

function parseEnvelope(payload: string | undefined): Envelope | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<Envelope>;
    if (typeof value.origin !== "string" || typeof value.event?.type !== "string") return null;
    return value as Envelope;
  } catch {
    return null;
  }
}

export function createPostgresBus(url: string, options: PostgresBusOptions = {}): PostgresBus {
  const { initial, max } = options.reconnectDelayMs ?? { initial: 250, max: 5_000 };
  const log = options.log ?? ((message: string) => console.warn(`[event-bus] ${message}`));
  const origin = randomUUID();
  const local = new EventEmitter();
  // Every open browser tab is one listener; the default cap of 10 would warn at the 11th.
  local.setMaxListeners(0);
  // NOTIFY goes through its own small pool: it reconnects per query, whatever the listener is doing.
  const publisher = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 30_000, application_name: POSTGRES_BUS_APPLICATION_NAME });
  publisher.on("error", () => {}); // an idle pooled connection dropped: the pool replaces it on next use

  let listening: Promise<void> | null = null;
  let listener: pg.Client | null = null;
  let isListening = false;
  const status = new EventEmitter().setMaxListeners(0);
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = initial;
  let closed = false;

  function deliver(event: InboxEvent) {
    local.emit("event", event);
  }

  function onNotification(message: pg.Notification) {
    const envelope = parseEnvelope(message.payload);
    if (!envelope) {
      log(`ignored a malformed notification on ${POSTGRES_BUS_CHANNEL}`);
      return;
    }
    if (envelope.origin !== origin) deliver(envelope.event);
  }

  function scheduleReconnect(client: pg.Client, reason: string) {
    if (closed || listener !== client) return;
    listener = null;
    listening = null;
    isListening = false;
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    log(`listening connection lost (${reason}); reconnecting in ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      listen().catch(() => {});
    }, delay);
    delay = Math.min(delay * 2, max);
  }

  function listen(): Promise<void> {
    if (closed) return Promise.reject(new Error("event bus closed"));
    if (listening) return listening;
    const client = new pg.Client({ connectionString: url, application_name: POSTGRES_BUS_APPLICATION_NAME, keepAlive: true });
    listener = client;
    client.on("notification", onNotification);
    client.on("error", (error) => scheduleReconnect(client, error.message));
    client.on("end", () => scheduleReconnect(client, "connection ended"));
    listening = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN ${POSTGRES_BUS_CHANNEL}`);
        delay = initial;
        isListening = true;
        status.emit("listening");
      } catch (error) {
        scheduleReconnect(client, error instanceof Error ? error.message : String(error));
        throw error;
      }
    })();
    return listening;
  }

  return {
    async publish(event) {
      deliver(event);
      const payload = JSON.stringify({ origin, event } satisfies Envelope);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        log(`event ${event.type} too large for NOTIFY; other instances will not see it`);
        return;
      }
      try {
        await publisher.query("SELECT pg_notify($1, $2)", [POSTGRES_BUS_CHANNEL, payload]);
      } catch (error) {
        log(`could not notify other instances: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    subscribe(subscriber: InboxEventListener) {
      listen().catch(() => {});
      local.on("event", subscriber);
      return () => local.off("event", subscriber);
    },
    ready() {
      if (isListening) return Promise.resolve();
      if (closed) return Promise.reject(new Error("event bus closed"));
      // A failed attempt has already scheduled the next one: wait for whichever succeeds.
      if (!listening && !retryTimer) listen().catch(() => {});
      return new Promise<void>((resolve, reject) => {
        status.once("listening", resolve);
        status.once("closed", () => reject(new Error("event bus closed")));
      });
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      status.emit("closed");
      status.removeAllListeners();
      local.removeAllListeners();
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}
