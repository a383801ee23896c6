import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import type { DbChannel } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";

/** Blocklisted people never reach the inbox: webhooks log and ignore them, syncs skip them. */
export async function isBlocked(channel: DbChannel, externalId: string): Promise<boolean> {
  const blocked = await db.blockedContact.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: { id: true },
  });
  return blocked !== null;
}

/**
 * Block the conversation's contact: a BlockedContact row (so new messages are ignored) and every
 * conversation with them hidden (kept, for the record and for undo). Idempotent.
 */
export async function blockConversationContact(conversationId: string, user: Pick<SessionUser, "id">) {
  const contact = await contactOf(conversationId);
  await db.$transaction([
    db.blockedContact.upsert({
      where: { channel_externalId: { channel: contact.channel, externalId: contact.externalId } },
      create: { channel: contact.channel, externalId: contact.externalId, name: contact.name, createdById: user.id },
      update: {},
    }),
    db.conversation.updateMany({ where: { contactId: contact.id }, data: { hidden: true } }),
    db.auditLog.create({ data: { actorId: user.id, action: "blocklist.add", target: contact.name ?? contact.externalId } }),
  ]);
  await publishHiddenChange(contact.id);
  return { blocked: true };
}

/** Undo a block: the contact's conversations come back to the inbox where they were. */
export async function unblockConversationContact(conversationId: string, user: Pick<SessionUser, "id">) {
  const contact = await contactOf(conversationId);
  await db.$transaction([
    db.blockedContact.deleteMany({ where: { channel: contact.channel, externalId: contact.externalId } }),
    db.conversation.updateMany({ where: { contactId: contact.id }, data: { hidden: false } }),
    db.auditLog.create({ data: { actorId: user.id, action: "blocklist.remove", target: contact.name ?? contact.externalId } }),
  ]);
  await publishHiddenChange(contact.id);
  return { blocked: false };
}

async function contactOf(conversationId: string) {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      contact: {
        select: { id: true, channel: true, externalId: true, displayName: true, instagramUsername: true, whatsappId: true },
      },
    },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const { contact } = conversation;
  const name = contact.displayName ?? (contact.instagramUsername ? `@${contact.instagramUsername}` : contact.whatsappId);
  return { ...contact, name };
}

async function publishHiddenChange(contactId: string) {
  const conversations = await db.conversation.findMany({ where: { contactId }, select: { id: true, channel: true } });
  for (const conversation of conversations) {
    await eventBus.publish({ type: "conversation.updated", conversationId: conversation.id, channel: conversation.channel.toLowerCase() });
  }
}
