import { randomUUID } from "node:crypto";
import type { ChannelKey } from "@/lib/channels/types";
import { db } from "@/lib/db";

/**
 * Writes webhook deliveries to the event log with group commit: deliveries that arrive while a
 * write is in flight are inserted together by the next one, and each request is answered once its
 * own row is committed. Under a burst this turns fifty single-row inserts, each queued behind the
 * background ingest on SQLite's one writer, into one insert — acknowledgements keep pace with Meta
 * while no delivery is acknowledged before it is durable.
 */

interface PendingDelivery {
  id: string;
  source: ChannelKey;
  rawBody: string;
  resolve: (id: string) => void;
  reject: (error: unknown) => void;
}

interface DeliveryWriter {
  pending: PendingDelivery[];
  flushing: boolean;
}

const globalForWriter = globalThis as unknown as { webhookDeliveryWriter?: DeliveryWriter };
const writer: DeliveryWriter = (globalForWriter.webhookDeliveryWriter ??= { pending: [], flushing: false });

/** Resolves with the event log id once the row is committed. */
export function recordDelivery(source: ChannelKey, rawBody: string): Promise<string> {
  return new Promise((resolve, reject) => {
    writer.pending.push({ id: randomUUID(), source, rawBody, resolve, reject });
    if (!writer.flushing) void flush();
  });
}

async function flush(): Promise<void> {
  writer.flushing = true;
  // Let the deliveries parsed in this turn of the event loop join the first batch.
  await new Promise((resolve) => setImmediate(resolve));
  while (writer.pending.length > 0) {
    const batch = writer.pending.splice(0);
    try {
      await db.externalEventLog.createMany({
        data: batch.map(({ id, source, rawBody }) => ({ id, source, rawBody, signatureValid: true })),
      });
      for (const delivery of batch) delivery.resolve(delivery.id);
    } catch (error) {
      for (const delivery of batch) delivery.reject(error);
    }
  }
  writer.flushing = false;
}
