import { db } from "@/lib/db";
import { truncateText } from "@/lib/text/truncate";

const MENTIONS_SHOWN = 30;

/** The caller's mentions for the header's bell: the newest first, and how many are unread. */
export async function listMentions(userId: string) {
  const [rows, unread] = await Promise.all([
    db.mention.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MENTIONS_SHOWN,
      select: {
        id: true,
        conversationId: true,
        messageId: true,
        readAt: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        message: { select: { text: true } },
        conversation: { select: { channel: true, contact: { select: { displayName: true, instagramUsername: true, whatsappId: true } } } },
      },
    }),
    db.mention.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    mentions: rows.map(({ message, conversation, ...mention }) => ({
      ...mention,
      excerpt: truncateText(message.text ?? "", 140),
      channel: conversation.channel,
      contact: conversation.contact,
    })),
  };
}

export type MentionList = Awaited<ReturnType<typeof listMentions>>;
