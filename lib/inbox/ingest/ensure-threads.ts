import { randomUUID } from "node:crypto";
import type { DbChannel, Participant } from "@/lib/channels/types";
import { canSkipDuplicates } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTeamSettings } from "@/lib/settings/team-settings";

/**
 * The one place contacts, leads and conversations are created: the Contact → Lead → Conversation
 * chain of each customer a batch of events names, found or created on first contact, with what the
 * payload says about the person written onto the contact. The batched inbound writer, echoes and
 * the Conversations API sync all come through here, so they cannot disagree about a row.
 *
 * A new contact gets a new lead of its own (the team's default currency); a lead groups several
 * contacts only when staff merge them. On PostgreSQL several batches run at once (and other
 * instances too): inserts skip rows a concurrent batch committed first and read the winner back
 * (its lead then stays, ours is removed), and new rows are inserted in key order so two batches
 * wait for each other in one order rather than deadlock.
 */

type Tx = Prisma.TransactionClient;

export interface ThreadRequest {
  channel: DbChannel;
  businessAccountId: string;
  participant: Participant;
}

export interface ThreadRef {
  contactId: string;
  leadId: string;
  conversationId: string;
  /** Null until a profile is known: fetch it from the Graph API after the transaction. */
  profileFetchedAt: Date | null;
  /** The contact and its lead were created by this call (first contact). */
  leadCreated: boolean;
}

const key = (...parts: string[]) => parts.join("\u0000");

/** Spread into createManyAndReturn: the SQLite client's types have no such option. */
export const skipExisting = (canSkipDuplicates ? { skipDuplicates: true } : {}) as object;

export const byKey = <T>(keyOf: (row: T) => string) => (a: T, b: T) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** The values grouped by channel, for `OR: [{ channel, field: { in } }, …]` over several channels at once. */
export function perChannel<T>(entries: Array<{ channel: DbChannel; value: T }>): Array<{ channel: DbChannel; values: T[] }> {
  const byChannel = new Map<DbChannel, Set<T>>();
  for (const { channel, value } of entries) byChannel.set(channel, (byChannel.get(channel) ?? new Set()).add(value));
  return [...byChannel].map(([channel, values]) => ({ channel, values: [...values] }));
}

/** One thread per request, in request order; requests naming the same customer share rows. */
export async function ensureThreads(tx: Tx, requests: ThreadRequest[]): Promise<ThreadRef[]> {
  const contacts = await upsertContacts(tx, requests);
  const contactOf = (request: ThreadRequest) => contacts.get(key(request.channel, request.participant.id))!;
  const conversations = await ensureConversations(
    tx,
    requests.map((request) => ({ channel: request.channel, businessAccountId: request.businessAccountId, contact: contactOf(request) })),
  );
  return requests.map((request) => {
    const contact = contactOf(request);
    return {
      contactId: contact.id,
      leadId: contact.leadId,
      conversationId: conversations.get(key(request.channel, contact.id, request.businessAccountId))!.id,
      profileFetchedAt: contact.profileFetchedAt,
      leadCreated: contact.leadCreated,
    };
  });
}

interface StoredContact {
  id: string;
  leadId: string;
  profileFetchedAt: Date | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
  leadCreated: boolean;
}

/**
 * The contacts behind the requests, created on first contact. What a payload says about the person
 * (WhatsApp's profile name, Instagram's username) is written when it differs from what we have, the
 * newest request's word winning — as upserting once per message would leave it.
 */
async function upsertContacts(tx: Tx, requests: ThreadRequest[]): Promise<Map<string, StoredContact>> {
  const wanted = new Map<string, { channel: DbChannel; externalId: string; profile: ProfileFields }>();
  for (const { channel, participant } of requests) {
    const contactKey = key(channel, participant.id);
    const previous = wanted.get(contactKey);
    wanted.set(contactKey, { channel, externalId: participant.id, profile: { ...previous?.profile, ...profileFields(participant) } });
  }
  const select = { id: true, channel: true, externalId: true, leadId: true, profileFetchedAt: true, displayName: true, instagramUsername: true, avatarUrl: true } as const;
  // The conversations come along: one query (one compile) instead of two.
  const withThreads = { ...select, conversations: { select: { id: true, businessAccountId: true } } } as const;
  const whereKeys = (contacts: Array<{ channel: DbChannel; externalId: string }>) => ({
    OR: perChannel(contacts.map(({ channel, externalId }) => ({ channel, value: externalId }))).map(({ channel, values }) => ({
      channel,
      externalId: { in: values },
    })),
  });
  const existing = await tx.contact.findMany({ where: whereKeys([...wanted.values()]), select: withThreads });
  const found = new Map<string, ContactRow>(existing.map((contact) => [key(contact.channel, contact.externalId), contact]));

  const racedKeys = new Set<string>();
  const missing = [...wanted].filter(([contactKey]) => !found.has(contactKey)).sort(byKey(([contactKey]) => contactKey));
  if (missing.length > 0) {
    // Each new contact's lead first (the contact row points at it), with ids of our own so each
    // contact knows its lead without reading the leads back.
    const leadIds = missing.map(() => newLeadId());
    const { defaultCurrency } = await getTeamSettings(tx);
    await tx.lead.createMany({ data: leadIds.map((id) => ({ id, currency: defaultCurrency })) });
    const created = await tx.contact.createManyAndReturn({
      data: missing.map(([, { channel, externalId, profile }], index) => ({
        channel,
        externalId,
        leadId: leadIds[index],
        ...channelIds(channel, externalId),
        ...profileData(profile),
      })),
      select,
      ...skipExisting,
    });
    for (const contact of created) found.set(key(contact.channel, contact.externalId), { ...contact, conversations: [] });
    const raced = missing.filter(([contactKey]) => !found.has(contactKey));
    for (const [contactKey] of raced) racedKeys.add(contactKey);
    if (raced.length > 0) {
      // A concurrent batch created these contacts, with leads of its own: ours would be empty.
      await tx.lead.deleteMany({ where: { id: { in: missing.flatMap(([contactKey], index) => (racedKeys.has(contactKey) ? [leadIds[index]] : [])) } } });
      for (const contact of await tx.contact.findMany({ where: whereKeys(raced.map(([, contact]) => contact)), select: withThreads })) {
        found.set(key(contact.channel, contact.externalId), contact);
      }
    }
  }

  const createdNow = new Set(missing.map(([contactKey]) => contactKey).filter((contactKey) => !racedKeys.has(contactKey)));
  const result = new Map<string, StoredContact>();
  for (const [contactKey, { profile }] of wanted) {
    const contact = found.get(contactKey)!;
    const data = profileData(profile);
    const changed =
      (profile.displayName !== undefined && (profile.displayName !== contact.displayName || contact.profileFetchedAt === null)) ||
      (profile.instagramUsername !== undefined && profile.instagramUsername !== contact.instagramUsername) ||
      (profile.avatarUrl !== undefined && profile.avatarUrl !== contact.avatarUrl);
    if (changed && !createdNow.has(contactKey)) {
      const updated = await tx.contact.update({ where: { id: contact.id }, data, select: { profileFetchedAt: true } });
      contact.profileFetchedAt = updated.profileFetchedAt;
    }
    result.set(contactKey, {
      id: contact.id,
      leadId: contact.leadId,
      profileFetchedAt: contact.profileFetchedAt,
      conversations: contact.conversations,
      leadCreated: createdNow.has(contactKey),
    });
  }
  return result;
}

interface ContactRow {
  id: string;
  channel: DbChannel;
  externalId: string;
  leadId: string;
  profileFetchedAt: Date | null;
  displayName: string | null;
  instagramUsername: string | null;
  avatarUrl: string | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
}

interface ProfileFields {
  displayName?: string;
  instagramUsername?: string;
  avatarUrl?: string;
}

function profileFields(participant: Participant): ProfileFields {
  return {
    ...(participant.name ? { displayName: participant.name } : {}),
    ...(participant.username ? { instagramUsername: participant.username } : {}),
    ...(participant.avatarUrl ? { avatarUrl: participant.avatarUrl } : {}),
  };
}

/** A name in the payload (WhatsApp's profile name) is the profile: nothing to fetch later. */
function profileData(profile: ProfileFields) {
  return { ...profile, ...(profile.displayName ? { profileFetchedAt: new Date() } : {}) };
}

function channelIds(channel: DbChannel, externalId: string) {
  return channel === "WHATSAPP" ? { whatsappId: externalId } : channel === "INSTAGRAM" ? { instagramId: externalId } : {};
}

/** Same shape as Prisma's cuid()s in length and alphabet, so ids from either look alike in URLs. */
function newLeadId(): string {
  return `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

async function ensureConversations(
  tx: Tx,
  threads: Array<{ channel: DbChannel; businessAccountId: string; contact: StoredContact }>,
) {
  const select = { id: true, channel: true, contactId: true, businessAccountId: true } as const;
  const found = new Map<string, { id: string }>();
  const missing = new Map<string, { channel: DbChannel; contactId: string; leadId: string; businessAccountId: string }>();
  for (const { channel, businessAccountId, contact } of threads) {
    const threadKey = key(channel, contact.id, businessAccountId);
    const conversation = contact.conversations.find((row) => row.businessAccountId === businessAccountId);
    if (conversation) found.set(threadKey, conversation);
    else missing.set(threadKey, { channel, contactId: contact.id, leadId: contact.leadId, businessAccountId });
  }
  if (missing.size > 0) {
    const data = [...missing].sort(byKey(([threadKey]) => threadKey)).map(([, thread]) => thread);
    const created = await tx.conversation.createManyAndReturn({ data, select, ...skipExisting });
    for (const row of created) found.set(key(row.channel, row.contactId, row.businessAccountId), row);
    const raced = data.filter((thread) => !found.has(key(thread.channel, thread.contactId, thread.businessAccountId)));
    if (raced.length > 0) {
      const rows = await tx.conversation.findMany({
        where: { OR: raced.map(({ channel, contactId, businessAccountId }) => ({ channel, contactId, businessAccountId })) },
        select,
      });
      for (const row of rows) found.set(key(row.channel, row.contactId, row.businessAccountId), row);
    }
  }
  return found;
}
