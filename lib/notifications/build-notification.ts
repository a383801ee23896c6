import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { contactName, withoutBidiControls } from "@/lib/inbox/format";
import { assertConversationVisible, assertMessageVisible } from "@/lib/leads/visibility";
import { wantsMessageNotification } from "@/lib/notifications/notification-rules";
import { getPreferences } from "@/lib/notifications/preferences";
import { truncateText } from "@/lib/text/truncate";

/** What the browser shows: it only ever learns of ids from the live stream and asks here. */
export interface BrowserNotification {
  conversationId: string;
  title: string;
  body: string;
  sound: boolean;
}

type Viewer = Pick<SessionUser, "id" | "role">;

const contactSelect = { displayName: true, instagramUsername: true, whatsappUsername: true, whatsappId: true } as const;

/**
 * For a `message.created` event: a notification when it is a customer's message this user wants
 * to hear of (their preference, the conversation's assignee), else null. A message in a
 * conversation they may not see answers 404 like one that does not exist.
 */
export async function messageNotification(user: Viewer, messageId: string): Promise<BrowserNotification | null> {
  await assertMessageVisible(user, messageId);
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      direction: true,
      type: true,
      text: true,
      conversation: { select: { id: true, assigneeId: true, contact: { select: contactSelect } } },
    },
  });
  if (!message) throw new ApiError({ code: "NOT_FOUND", message: "Message not found" });
  if (message.direction !== "INBOUND") return null;
  const { notificationLevel, notificationSound } = await getPreferences(user.id);
  if (!wantsMessageNotification(notificationLevel, user.id, message.conversation.assigneeId)) return null;
  const text = message.text ? withoutBidiControls(message.text).trim() : "";
  return {
    conversationId: message.conversation.id,
    title: contactName(message.conversation.contact),
    body: text ? truncateText(text, 140) : `Sent ${message.type.toLowerCase().replaceAll("_", " ")}`,
    sound: notificationSound,
  };
}

/** For an `sla.breached` event naming this user: whose wait passed the target. */
export async function slaNotification(user: Viewer, conversationId: string): Promise<BrowserNotification | null> {
  await assertConversationVisible(user, conversationId);
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { waitingSince: true, slaEscalatedAt: true, contact: { select: contactSelect } },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  // Answered meanwhile: nothing to say any more.
  if (!conversation.waitingSince) return null;
  const { notificationLevel, notificationSound } = await getPreferences(user.id);
  if (notificationLevel === "NONE") return null;
  const minutes = Math.max(1, Math.round((Date.now() - conversation.waitingSince.getTime()) / 60_000));
  return {
    conversationId,
    title: `${contactName(conversation.contact)} is waiting`,
    body: `Waiting ${minutes} min for a reply${conversation.slaEscalatedAt ? ", twice the team's target" : ", past the team's target"}.`,
    sound: notificationSound,
  };
}
