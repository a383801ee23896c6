import { describeError } from "@/lib/describe-error";
import { db } from "@/lib/db";
import { enqueueEvent, isEventQueued } from "@/lib/inbox/webhooks/event-queue";

/**
 * The safety net under the in-memory queue: events still RECEIVED a while after they arrived were
 * lost by a crash or restart between the acknowledgement and processing. Swept at start-up and
 * then periodically. Processing is idempotent, so sweeping an event that another instance is
 * processing right now costs a little work, never a duplicate.
 */

/** Old enough that the live queue should have taken it. */
export const SWEEP_MIN_AGE_MS = 5_000;
/** An event that crashed the process this many times waits for a human (the Replay button). */
export const SWEEP_MAX_ATTEMPTS = 5;
const SWEEP_BATCH = 200;

export async function sweepReceivedEvents(now = new Date()): Promise<number> {
  const stale = await db.externalEventLog.findMany({
    where: {
      status: "RECEIVED",
      receivedAt: { lt: new Date(now.getTime() - SWEEP_MIN_AGE_MS) },
      attempts: { lt: SWEEP_MAX_ATTEMPTS },
    },
    orderBy: { receivedAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  let scheduled = 0;
  for (const { id } of stale) {
    if (isEventQueued(id)) continue;
    enqueueEvent(id);
    scheduled++;
  }
  return scheduled;
}

const globalForSweeper = globalThis as unknown as { inboxEventSweeper?: NodeJS.Timeout };

export function startEventSweeper(intervalMs: number): void {
  if (globalForSweeper.inboxEventSweeper) return;
  const sweep = () =>
    sweepReceivedEvents()
      .then((count) => {
        if (count > 0) console.log(`[events] re-queued ${count} unprocessed webhook event(s)`);
      })
      .catch((error: unknown) => console.error(`[events] sweep failed: ${describeError(error)}`));
  void sweep();
  globalForSweeper.inboxEventSweeper = setInterval(sweep, intervalMs);
  globalForSweeper.inboxEventSweeper.unref();
}
