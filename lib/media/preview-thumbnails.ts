import { db } from "@/lib/db";

/** The newest message's image, shown small next to the list preview. */
export interface PreviewThumbnail {
  messageId: string;
  attachmentIndex: number;
  width: number | null;
  height: number | null;
}

/**
 * Adds each conversation's preview thumbnail in one query for the whole page (no query per row):
 * the newest message is the one whose `sentAt` is the conversation's `lastMessageAt`, which the
 * [conversationId, sentAt, id] index finds directly; only files already kept with a thumbnail count.
 */
export async function withPreviewThumbnails<T extends { id: string; lastMessageAt: Date | null }>(
  conversations: T[],
): Promise<Array<T & { previewThumbnail: PreviewThumbnail | null }>> {
  const newest = conversations.flatMap((conversation) =>
    conversation.lastMessageAt ? [{ conversationId: conversation.id, sentAt: conversation.lastMessageAt }] : [],
  );
  const files =
    newest.length === 0
      ? []
      : await db.mediaFile.findMany({
          where: { status: "STORED", thumbnailKey: { not: null }, message: { OR: newest, status: { not: "DELETED" } } },
          orderBy: { attachmentIndex: "asc" },
          select: { messageId: true, attachmentIndex: true, width: true, height: true, message: { select: { conversationId: true } } },
        });
  const byConversation = new Map<string, PreviewThumbnail>();
  for (const file of files) {
    if (!file.message || !file.messageId || byConversation.has(file.message.conversationId)) continue;
    byConversation.set(file.message.conversationId, { messageId: file.messageId, attachmentIndex: file.attachmentIndex, width: file.width, height: file.height });
  }
  return conversations.map((conversation) => ({ ...conversation, previewThumbnail: byConversation.get(conversation.id) ?? null }));
}
