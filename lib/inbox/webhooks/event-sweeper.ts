import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { enqueueEvent, isEventQueued } from "@/lib/inbox/webhooks/event-queue";

/**
 * The safety net under the in-memory queue: events still RECEIVED a while after they arrived were
 * lost by a crash or restart between the acknowledgement and processing. Swept at start-up and
 * then periodically, by the job runner. Processing is idempotent, so sweeping an event that another instance is
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

/** Periodic, on the job runner (lib/jobs/): one instance sweeps per interval. */
export const eventSweepJob: JobDefinition = {
  kind: "inbox.event-sweep",
  everyMs: env.EVENT_SWEEP_INTERVAL_MS,
  async run() {
    const count = await sweepReceivedEvents();
    if (count > 0) console.log(`[events] re-queued ${count} unprocessed webhook event(s)`);
  },
};
