import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { eventBus } from "@/lib/realtime/bus";

/**
 * Snoozed conversations whose time has come go back to Open. One conditional UPDATE of the due
 * rows (the [status, snoozedUntil] index finds them): it is safe on several instances sharing a
 * database, since a row is reopened by whichever UPDATE reaches it first and no longer matches for
 * the others, and it needs no memory of its own, so a restart loses nothing.
 */
export async function wakeSnoozed(now = new Date()): Promise<number> {
  const woken = await db.conversation.updateManyAndReturn({
    where: { status: "SNOOZED", snoozedUntil: { lte: now } },
    data: { status: "OPEN", snoozedUntil: null },
    select: { id: true, channel: true },
  });
  for (const conversation of woken) {
    await eventBus.publish({ type: "conversation.updated", conversationId: conversation.id, channel: conversation.channel.toLowerCase() });
  }
  return woken.length;
}

/** Periodic, on the job runner (lib/jobs/): one instance wakes the due conversations per interval. */
export const snoozeWakeJob: JobDefinition = {
  kind: "inbox.snooze-wake",
  everyMs: env.SNOOZE_WAKE_INTERVAL_MS,
  async run() {
    await wakeSnoozed();
  },
};
