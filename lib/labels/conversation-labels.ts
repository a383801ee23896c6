import { db } from "@/lib/db";
import { labelSelect } from "@/lib/labels/manage-labels";

export interface LabelJson {
  id: string;
  name: string;
  color: string;
}

/**
 * Adds `labels: [{ id, name, color }]` (by name) to each conversation: one indexed query for a
 * whole list page, rather than a join in every list query.
 */
export async function withLabels<T extends { id: string }>(conversations: T[]): Promise<(T & { labels: LabelJson[] })[]> {
  if (conversations.length === 0) return [];
  const rows = await db.conversationLabel.findMany({
    where: { conversationId: { in: conversations.map((conversation) => conversation.id) } },
    orderBy: { label: { name: "asc" } },
    select: { conversationId: true, label: { select: labelSelect } },
  });
  const byConversation = new Map<string, LabelJson[]>();
  for (const row of rows) byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row.label]);
  return conversations.map((conversation) => ({ ...conversation, labels: byConversation.get(conversation.id) ?? [] }));
}
