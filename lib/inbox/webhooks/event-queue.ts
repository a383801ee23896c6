import { writeConcurrency } from "@/lib/db";
import { processEvent } from "@/lib/inbox/ingest/process-event";

/**
 * Webhook deliveries are acknowledged as soon as their raw event row is committed and processed
 * here, in the background, as many at a time as the database writes well (lib/db.ts). Why: Meta
 * redelivers anything that is not answered quickly, and one insert per request keeps the webhook
 * near the framework's ceiling (STACK.md)
 * while the five-table ingest runs at the database's pace. The queue lives in memory, so a crash
 * can drop it — the event rows cannot be dropped: `sweepReceivedEvents` picks up what is left.
 */

interface EventQueue {
  pending: string[];
  queued: Set<string>;
  running: number;
  idleWaiters: Array<() => void>;
}

// On globalThis: route bundles and instrumentation may each load this module; there is one queue.
const globalForQueue = globalThis as unknown as { inboxEventQueue?: EventQueue };
const queue: EventQueue = (globalForQueue.inboxEventQueue ??= {
  pending: [],
  queued: new Set(),
  running: 0,
  idleWaiters: [],
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
    const id = queue.pending.shift()!;
    queue.running++;
    processEvent(id)
      .catch((error: unknown) => {
        // processEvent records its own failures; this is the database itself being unreachable.
        console.error(`[events] could not process ${id}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        queue.running--;
        queue.queued.delete(id);
        drain();
        if (queue.running === 0 && queue.pending.length === 0) {
          for (const resolve of queue.idleWaiters.splice(0)) resolve();
        }
      });
  }
}
