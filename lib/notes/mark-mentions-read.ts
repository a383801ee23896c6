import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";
import type { MarkMentionsReadInput } from "@/lib/validations/note";

/** Marks the caller's own mentions read (someone else's ids simply match nothing). */
export async function markMentionsRead(userId: string, input: MarkMentionsReadInput) {
  const { count } = await db.mention.updateMany({
    where: {
      userId,
      readAt: null,
      ...(input.ids ? { id: { in: input.ids } } : {}),
      ...(input.conversationId ? { conversationId: input.conversationId } : {}),
    },
    data: { readAt: new Date() },
  });
  // The same person may have the inbox open in several tabs.
  if (count > 0) await eventBus.publish({ type: "mention.updated", userId });
  return { marked: count };
}
