import type { Prisma } from "@/lib/generated/prisma/client";
import type { PreviewThumbnail } from "@/lib/media/preview-thumbnails";

/** What a conversation list row needs; never tokens, never the whole contact row. */
export const conversationListSelect = {
  id: true,
  channel: true,
  leadId: true,
  status: true,
  unreadCount: true,
  lastMessageAt: true,
  lastMessagePreview: true,
  lastInboundAt: true,
  snoozedUntil: true,
  waitingSince: true,
  firstResponseAt: true,
  assignee: { select: { id: true, name: true } },
  contact: {
    select: {
      id: true,
      displayName: true,
      instagramUsername: true,
      whatsappUsername: true,
      whatsappId: true,
      avatarUrl: true,
      lead: { select: { status: true } },
    },
  },
} as const satisfies Prisma.ConversationSelect;

/** The list's order, newest activity first; the id breaks ties so keyset cursors never skip a row. */
export const conversationListOrder = [{ lastMessageAt: "desc" }, { id: "desc" }] as const satisfies Prisma.ConversationOrderByWithRelationInput[];

export type ConversationListItem = Prisma.ConversationGetPayload<{ select: typeof conversationListSelect }> & {
  /** The newest message's image, when it has been kept (lib/media/preview-thumbnails.ts). */
  previewThumbnail?: PreviewThumbnail | null;
  /** In search results: the newest message containing the query (null when the contact matched). */
  matchedMessage?: { id: string; text: string } | null;
};
