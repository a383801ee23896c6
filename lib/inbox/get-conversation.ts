import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKey, OutboundMediaRules } from "@/lib/channels/types";
import { env } from "@/lib/env";
import { requireChannel } from "@/lib/inbox/require-channel";
import { replyWindow } from "@/lib/inbox/messaging-window";
import { acceptedMimeTypes } from "@/lib/media/reply-attachment-rules";
import { withLabels, type LabelJson } from "@/lib/labels/conversation-labels";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";

const NOTES_SHOWN = 50;

const conversationDetailSelect = {
  id: true,
  channel: true,
  leadId: true,
  businessAccountId: true,
  status: true,
  hidden: true,
  unreadCount: true,
  lastMessageAt: true,
  lastInboundAt: true,
  snoozedUntil: true,
  waitingSince: true,
  firstResponseAt: true,
  // Handover protocol (lib/handover): another app holds the thread / we asked it for the thread.
  threadHeldSince: true,
  threadRequestedAt: true,
  standbyInboundAt: true,
  createdAt: true,
  assignee: { select: { id: true, name: true } },
  /** Set while the assignee is auto-assignment's choice: "Assigned to Ana automatically". */
  autoAssignedAt: true,
  contact: {
    select: {
      id: true,
      externalId: true,
      displayName: true,
      instagramUsername: true,
      whatsappUsername: true,
      whatsappId: true,
      avatarUrl: true,
      createdAt: true,
      lead: {
        select: {
          id: true,
          status: true,
          lastContactAt: true,
          owner: { select: { id: true, name: true } },
          notes: {
            orderBy: { createdAt: "desc" },
            take: NOTES_SHOWN,
            select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
          },
        },
      },
    },
  },
} as const satisfies Prisma.ConversationSelect;

type ConversationRow = Prisma.ConversationGetPayload<{ select: typeof conversationDetailSelect }>;

export type ConversationDetail = ConversationRow & {
  labels: LabelJson[];
  /** When free-form replies stop being possible; null when the customer never wrote. */
  windowClosesAt: Date | null;
  /** Replies now go out with Meta's HUMAN_AGENT tag (Instagram, day 2–7). */
  humanAgent: boolean;
  blocked: boolean;
  /** What the composer's file picker offers: the channel's attachment formats. */
  attachmentTypes: string[];
  /** The channel's rules for reply attachments, so the browser refuses a file before uploading it. */
  attachmentRules: OutboundMediaRules;
  /** Our own cap on any stored file (MEDIA_MAX_BYTES), which may be below the channel's. */
  attachmentMaxBytes: number;
  channelLabel: string;
  /** The channel re-opens a closed window with approved templates (WhatsApp). */
  templatesAvailable: boolean;
  /** The longest text one reply may carry on this channel. */
  maxTextLength: number;
  /** The channel speaks Meta's handover protocol (take / request / pass the thread). */
  threadControl: boolean;
};

/** One conversation with its contact, lead, notes and reply window, for the thread and side panel. */
export async function getConversation(id: string): Promise<{ conversation: ConversationDetail }> {
  const row = await db.conversation.findUnique({ where: { id }, select: conversationDetailSelect });
  if (!row) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const adapter = requireChannel(row.channel);
  const [humanAgentTag, blocked] = await Promise.all([
    adapter.humanAgentTag ? humanAgentTagEnabled(adapter.key, row.businessAccountId) : false,
    db.blockedContact.findUnique({
      where: { channel_externalId: { channel: row.channel, externalId: row.contact.externalId } },
      select: { id: true },
    }),
  ]);
  const window = replyWindow(adapter.messagingWindow, { lastInboundAt: row.lastInboundAt, humanAgentTag });
  const [labelled] = await withLabels([row]);
  return {
    conversation: {
      ...labelled,
      windowClosesAt: window.closesAt,
      humanAgent: window.humanAgent,
      blocked: blocked !== null,
      attachmentTypes: acceptedMimeTypes(adapter.outboundMedia),
      attachmentRules: adapter.outboundMedia,
      attachmentMaxBytes: env.MEDIA_MAX_BYTES,
      channelLabel: adapter.label,
      templatesAvailable: adapter.templates !== undefined,
      maxTextLength: adapter.maxTextLength,
      threadControl: adapter.threadControl !== undefined,
    },
  };
}

/** Per account: each account (each Instagram account, the Page) has its own Human Agent approval. */
async function humanAgentTagEnabled(channel: ChannelKey, businessAccountId: string): Promise<boolean> {
  return (await loadAccountCredentials(channel, businessAccountId))?.humanAgentTag === true;
}
