import { db } from "@/lib/db";
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

const globalForWaker = globalThis as unknown as { snoozeWaker?: NodeJS.Timeout };

export function startSnoozeWaker(intervalMs: number): void {
  if (globalForWaker.snoozeWaker) return;
  const wake = () =>
    wakeSnoozed().catch((error: unknown) => console.error(`[snooze] wake-up failed: ${error instanceof Error ? error.message : String(error)}`));
  void wake();
  globalForWaker.snoozeWaker = setInterval(wake, intervalMs);
  globalForWaker.snoozeWaker.unref();
}
