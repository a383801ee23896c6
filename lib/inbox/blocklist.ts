import { channelLabel } from "@/lib/channels/catalog";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import type { DbChannel } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";
import { transactionRetryingRaces } from "@/lib/inbox/transactions";
import { writeAuditLog } from "@/lib/settings/audit-log";

/**
 * The blocklist rules, in one place for every caller (Settings → Blocklist and the inbox's "block
 * contact" button): a blocked person's conversations are kept but hidden from the inbox, new
 * webhooks from them are ignored (see isBlocked), and unblocking brings the conversations back.
 * Both directions are idempotent and audited.
 */

export interface BlockTarget {
  channel: DbChannel;
  /** IGSID or WhatsApp wa_id. */
  externalId: string;
  actorId: string;
}

export interface BlockedEntry {
  id: string;
  channel: DbChannel;
  externalId: string;
  name: string | null;
  reason: string | null;
  createdAt: string;
  createdBy: { name: string } | null;
  hiddenConversations: number;
}

const blockedSelect = {
  id: true,
  channel: true,
  externalId: true,
  name: true,
  reason: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

/** Blocklisted people never reach the inbox: webhooks log and ignore them, syncs skip them. */
export async function isBlocked(channel: DbChannel, externalId: string): Promise<boolean> {
  return (await blockedParticipants([{ channel, externalId }])).has(`${channel}:${externalId}`);
}

/**
 * `isBlocked` for many people at once (a batch of webhook events): the blocked ones as "CHANNEL:externalId".
 * A WhatsApp customer may write under another identity than the one they were blocked by (their
 * BSUID once they hide their number behind a username, or their number when we first knew the
 * BSUID): the contact that holds both links them, so the block still holds.
 */
export async function blockedParticipants(people: Array<{ channel: DbChannel; externalId: string }>): Promise<Set<string>> {
  if (people.length === 0) return new Set();
  const key = (channel: DbChannel, externalId: string) => `${channel}:${externalId}`;
  // Each person's ids to check: their own, plus the externalId of a WhatsApp contact that knows them by BSUID or number.
  const aliases = new Map(people.map(({ channel, externalId }) => [key(channel, externalId), new Set([externalId])]));
  const whatsappIds = [...new Set(people.filter((person) => person.channel === "WHATSAPP").map((person) => person.externalId))];
  if (whatsappIds.length > 0) {
    const contacts = await db.contact.findMany({
      where: { channel: "WHATSAPP", OR: [{ bsuid: { in: whatsappIds } }, { whatsappId: { in: whatsappIds } }, { externalId: { in: whatsappIds } }] },
      select: { externalId: true, bsuid: true, whatsappId: true },
    });
    for (const contact of contacts) {
      for (const id of [contact.externalId, contact.bsuid, contact.whatsappId]) {
        if (!id) continue;
        for (const other of [contact.externalId, contact.bsuid, contact.whatsappId]) if (other) aliases.get(key("WHATSAPP", id))?.add(other);
      }
    }
  }
  const byChannel = new Map<DbChannel, Set<string>>();
  for (const { channel, externalId } of people) {
    const ids = byChannel.get(channel) ?? new Set<string>();
    for (const id of aliases.get(key(channel, externalId))!) ids.add(id);
    byChannel.set(channel, ids);
  }
  const blocked = await db.blockedContact.findMany({
    where: { OR: [...byChannel].map(([channel, ids]) => ({ channel, externalId: { in: [...ids] } })) },
    select: { channel: true, externalId: true },
  });
  const blockedKeys = new Set(blocked.map(({ channel, externalId }) => key(channel, externalId)));
  return new Set(
    people
      .filter(({ channel, externalId }) => [...aliases.get(key(channel, externalId))!].some((id) => blockedKeys.has(key(channel, id))))
      .map(({ channel, externalId }) => key(channel, externalId)),
  );
}

export async function blockContact(input: BlockTarget & { name?: string | null; reason?: string | null }): Promise<BlockedEntry> {
  const { channel, externalId, actorId } = input;
  const { entry, conversationIds } = await transactionRetryingRaces(
    async (tx) => {
      // Not an upsert: its update fails when a concurrent unblock deletes the row between its read
      // and its write (PostgreSQL, P2025). A concurrent create surfaces as a unique violation,
      // which transactionRetryingRaces runs again.
      const details = { ...(input.name ? { name: input.name } : {}), ...(input.reason ? { reason: input.reason } : {}) };
      const existing = await tx.blockedContact.findUnique({ where: { channel_externalId: { channel, externalId } }, select: blockedSelect });
      if (existing && Object.keys(details).length > 0) {
        await tx.blockedContact.updateMany({ where: { channel, externalId }, data: details });
      }
      const entry = existing
        ? { ...existing, ...details }
        : await tx.blockedContact.create({
            data: { channel, externalId, name: null, reason: null, createdById: actorId, ...details },
            select: blockedSelect,
          });
      const conversationIds = await setHidden(tx, channel, externalId, true);
      await writeAuditLog(
        { actorId, action: "blocklist.add", target: describe(channel, externalId, entry.name), details: { hiddenConversations: conversationIds.length } },
        tx,
      );
      return { entry, conversationIds };
    },
  );
  await announce(channel, conversationIds);
  return present(entry, conversationIds.length);
}

/** Returns false when the person was not on the blocklist (nothing to do). */
export async function unblockContact(input: BlockTarget): Promise<boolean> {
  const { channel, externalId, actorId } = input;
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.blockedContact.deleteMany({ where: { channel, externalId } });
    if (removed.count === 0) return null;
    const conversationIds = await setHidden(tx, channel, externalId, false);
    await writeAuditLog(
      { actorId, action: "blocklist.remove", target: describe(channel, externalId, null), details: { unhiddenConversations: conversationIds.length } },
      tx,
    );
    return conversationIds;
  });
  if (result === null) return false;
  await announce(channel, result);
  return true;
}

/** The inbox's "Block" on a conversation: blocks the person behind it (all their conversations hide). */
export async function blockConversationContact(conversationId: string, user: Pick<SessionUser, "id">) {
  const contact = await contactOf(conversationId);
  await blockContact({ channel: contact.channel, externalId: contact.externalId, actorId: user.id, name: contact.name });
  return { blocked: true };
}

/** The inbox's undo: the person leaves the blocklist and their conversations come back. */
export async function unblockConversationContact(conversationId: string, user: Pick<SessionUser, "id">) {
  const contact = await contactOf(conversationId);
  await unblockContact({ channel: contact.channel, externalId: contact.externalId, actorId: user.id });
  return { blocked: false };
}

async function contactOf(conversationId: string) {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { contact: { select: { channel: true, externalId: true, displayName: true, instagramUsername: true, whatsappId: true } } },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const { contact } = conversation;
  const name = contact.displayName ?? (contact.instagramUsername ? `@${contact.instagramUsername}` : contact.whatsappId);
  return { channel: contact.channel, externalId: contact.externalId, name };
}

export async function listBlocked(): Promise<BlockedEntry[]> {
  const rows = await db.blockedContact.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: blockedSelect });
  if (rows.length === 0) return [];
  const contacts = await db.contact.findMany({
    where: { OR: rows.map(({ channel, externalId }) => ({ channel, externalId })) },
    select: { channel: true, externalId: true, _count: { select: { conversations: { where: { hidden: true } } } } },
  });
  const countByKey = new Map(contacts.map((contact) => [`${contact.channel}:${contact.externalId}`, contact._count.conversations]));
  return rows.map((row) => present(row, countByKey.get(`${row.channel}:${row.externalId}`) ?? 0));
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function setHidden(tx: Tx, channel: DbChannel, externalId: string, hidden: boolean): Promise<string[]> {
  const conversations = await tx.conversation.findMany({
    where: { channel, hidden: !hidden, contact: { channel, externalId } },
    select: { id: true },
  });
  const ids = conversations.map((conversation) => conversation.id);
  if (ids.length > 0) await tx.conversation.updateMany({ where: { id: { in: ids } }, data: { hidden } });
  return ids;
}

/** The inbox drops (or brings back) these conversations live. */
async function announce(channel: DbChannel, conversationIds: string[]) {
  for (const conversationId of conversationIds) {
    await eventBus.publish({ type: "conversation.updated", conversationId, channel: channel.toLowerCase() });
  }
}

function describe(channel: DbChannel, externalId: string, name: string | null): string {
  const label = channelLabel(channel);
  return name ? `${label} ${name} (${externalId})` : `${label} ${externalId}`;
}

function present(row: { id: string; channel: DbChannel; externalId: string; name: string | null; reason: string | null; createdAt: Date; createdBy: { name: string } | null }, hiddenConversations: number): BlockedEntry {
  return { ...row, createdAt: row.createdAt.toISOString(), hiddenConversations };
}
