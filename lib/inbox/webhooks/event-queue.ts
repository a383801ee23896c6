import { describeError } from "@/lib/describe-error";
import { writeConcurrency } from "@/lib/db";
import { processEvents, type BatchTiming } from "@/lib/inbox/ingest/process-event";
import { BUSY_BATCH_BUDGET_MS, IDLE_BATCH_BUDGET_MS, nextBatchSize } from "@/lib/inbox/webhooks/batch-size";
import { deliveriesRecordedRecently, whenDeliveriesRecorded } from "@/lib/inbox/webhooks/record-delivery";

/**
 * Webhook deliveries are acknowledged as soon as their raw event row is committed and processed
 * here, in the background, in batches, by as many workers as the database writes well (lib/db.ts).
 * Why: Meta redelivers anything that is not answered quickly, and one insert per request keeps the
 * webhook near the framework's ceiling (STACK.md) while the five-table ingest runs at the
 * database's pace. The queue lives in memory, so a crash can drop it — the event rows cannot be
 * dropped: `sweepReceivedEvents` picks up what is left.
 *
 * The acknowledgements come first. SQLite (better-sqlite3) never makes the event loop wait, so a
 * batch holds the one thread, and the one connection, from its first query to its commit: before,
 * the queue ran event after event without ever yielding, and requests waited behind all of them.
 * Now each batch waits for the event rows being written, then for a fresh turn of the event loop
 * (so their requests are answered first), and is sized to a time budget (batch-size.ts): short
 * while webhooks are arriving, longer once they stop.
 */

/** A delivery recorded this recently means a burst is on. */
const BUSY_WINDOW_MS = 500;

interface EventQueue {
  pending: string[];
  queued: Set<string>;
  running: number;
  idleWaiters: Array<() => void>;
  /** Current batch size per mode, adjusted after each batch towards its time budget. */
  batchSize: { busy: number; idle: number };
}

// On globalThis: route bundles and instrumentation may each load this module; there is one queue.
const globalForQueue = globalThis as unknown as { inboxEventQueue?: EventQueue };
const queue: EventQueue = (globalForQueue.inboxEventQueue ??= {
  pending: [],
  queued: new Set(),
  running: 0,
  idleWaiters: [],
  batchSize: { busy: 4, idle: 16 },
});

/** Schedules a logged event; an id already waiting or running is not queued twice. */
export function enqueueEvent(eventLogId: string): void {
  if (queue.queued.has(eventLogId)) return;
  queue.queued.add(eventLogId);
  queue.pending.push(eventLogId);
  drain();
}

export function isEventQueued(eventLogId: string): boolean {
  return queue.queued.has(eventLogId);
}

/** Resolves once nothing is waiting or running (start-up sweeps, tests, graceful shutdown). */
export function whenEventQueueIdle(): Promise<void> {
  if (queue.running === 0 && queue.pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => queue.idleWaiters.push(resolve));
}

function drain(): void {
  while (queue.running < writeConcurrency && queue.pending.length > 0) {
    queue.running++;
    void work();
  }
}

async function work(): Promise<void> {
  try {
    while (queue.pending.length > 0) {
      // Event rows being written go first; then a fresh turn of the event loop, so that their
      // requests are answered before this batch holds the thread.
      await whenDeliveriesRecorded();
      await new Promise((resolve) => setImmediate(resolve));
      const mode = deliveriesRecordedRecently(BUSY_WINDOW_MS) ? "busy" : "idle";
      const size = queue.batchSize[mode];
      const ids = queue.pending.splice(0, size);
      if (ids.length === 0) continue;
      const timing: BatchTiming = { storeMs: 0 };
      try {
        await processEvents(ids, timing);
      } catch (error) {
        // processEvents records its own failures; this is the database itself being unreachable.
        console.error(`[events] could not process ${ids.length} event(s): ${describeError(error)}`);
      } finally {
        for (const id of ids) queue.queued.delete(id);
      }
      // A batch cut short by an empty queue says nothing about how many would fit.
      if (ids.length === size || timing.storeMs > budgetOf(mode)) {
        queue.batchSize[mode] = nextBatchSize(ids.length, timing.storeMs, budgetOf(mode));
      }
    }
  } finally {
    queue.running--;
    if (queue.running === 0 && queue.pending.length === 0) {
      for (const resolve of queue.idleWaiters.splice(0)) resolve();
    }
  }
}

function budgetOf(mode: "busy" | "idle"): number {
  return mode === "busy" ? BUSY_BATCH_BUDGET_MS : IDLE_BATCH_BUDGET_MS;
}
