import type { ChannelAdapter, DbChannel, NormalizedEvent } from "@/lib/channels/types";
import { canSkipDuplicates, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { previewOf, receivedMessageData } from "@/lib/inbox/ingest/thread";
import type { EventOf, IngestResult } from "@/lib/inbox/ingest/types";
import { transactionRetryingRaces } from "@/lib/inbox/transactions";
import { pendingMediaRows } from "@/lib/media/downloadable-attachments";
import { truncateText } from "@/lib/text/truncate";

/**
 * Customers' messages from a burst, stored together: the same rows and the same outcome as
 * `ingestMessage` one at a time, in one transaction with a fixed number of queries per batch plus two
 * small updates per conversation, instead of about ten queries per message. Why: every Prisma query
 * costs about a millisecond of CPU here (the query is compiled each time), SQLite never makes the
 * event loop wait, so the ingest's CPU is time the webhooks cannot be answered in (BENCHMARKS.md).
 *
 * Only inbound messages come here: echoes of our own replies may complete a pending reply and
 * other kinds depend on what came before them, so the caller sends those through `ingestEvent` in
 * order, closing the current batch first.
 *
 * On PostgreSQL several batches run at once (and other instances too): inserts skip rows a
 * concurrent batch committed first (its twin of a redelivered message is the one stored; its new
 * contact is read back), and new contacts, leads and conversations are inserted in key order so two
 * batches wait for each other in one order rather than deadlock.
 */

export interface InboundItem {
  adapter: ChannelAdapter;
  event: EventOf<"message">;
}

type Tx = Prisma.TransactionClient;

export function isBatchableInbound(event: NormalizedEvent): event is EventOf<"message"> {
  return event.kind === "message" && event.direction === "INBOUND";
}

/**
 * Stores the items in order; returns one result per item. A message already stored, earlier in the
 * same batch, or stored meanwhile by a concurrent batch, is a duplicate. A batch that still loses a
 * race (PostgreSQL: a deadlock with another batch, a constraint the inserts could not skip) runs
 * again as a whole, and sees the winner's rows.
 */
export async function ingestInboundBatch(items: InboundItem[]): Promise<IngestResult[]> {
  if (items.length === 0) return [];
  return transactionRetryingRaces((tx) => storeBatch(tx, items));
}

const key = (...parts: string[]) => parts.join("\u0000");

/** Spread into createManyAndReturn: the SQLite client's types have no such option. */
const skipExisting = (canSkipDuplicates ? { skipDuplicates: true } : {}) as object;

const byKey = <T>(keyOf: (row: T) => string) => (a: T, b: T) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** The values grouped by channel, for `OR: [{ channel, field: { in } }, …]` over several channels at once. */
function perChannel<T>(entries: Array<{ channel: DbChannel; value: T }>): Array<{ channel: DbChannel; values: T[] }> {
  const byChannel = new Map<DbChannel, Set<T>>();
  for (const { channel, value } of entries) byChannel.set(channel, (byChannel.get(channel) ?? new Set()).add(value));
  return [...byChannel].map(([channel, values]) => ({ channel, values: [...values] }));
}

async function storeBatch(tx: Tx, items: InboundItem[]): Promise<IngestResult[]> {
  const results: IngestResult[] = items.map(() => ({ outcome: "duplicate", publish: [] }));

  const stored = await tx.message.findMany({
    where: {
      OR: perChannel(items.map(({ adapter, event }) => ({ channel: adapter.dbChannel, value: event.externalId }))).map(({ channel, values }) => ({
        channel,
        externalId: { in: values },
      })),
    },
    select: { channel: true, externalId: true },
  });
  const seen = new Set(stored.map((message) => key(message.channel, message.externalId ?? "")));
  // Indexes of the items to store: not stored yet, first occurrence within the batch.
  let fresh: number[] = [];
  for (const [index, { adapter, event }] of items.entries()) {
    const messageKey = key(adapter.dbChannel, event.externalId);
    if (seen.has(messageKey)) continue;
    seen.add(messageKey);
    fresh.push(index);
  }
  if (fresh.length === 0) return results;

  const contacts = await upsertContacts(tx, fresh.map((index) => items[index]));
  const leads = await ensureLeads(tx, [...contacts.values()]);
  const conversations = await ensureConversations(
    tx,
    fresh.map((index) => {
      const { adapter, event } = items[index];
      return { channel: adapter.dbChannel, contactId: contactOf(contacts, items[index]).id, businessAccountId: event.businessAccountId };
    }),
    new Map([...contacts.values()].map((contact) => [contact.id, contact])),
  );
  const threadOf = (item: InboundItem) => {
    const contact = contactOf(contacts, item);
    return {
      contact,
      leadId: leads.get(contact.id)!.id,
      conversation: conversations.get(key(item.adapter.dbChannel, contact.id, item.event.businessAccountId))!,
    };
  };

  const created = await tx.message.createManyAndReturn({
    data: fresh.map((index) => receivedMessageData(threadOf(items[index]).conversation.id, items[index].adapter, items[index].event)),
    select: { id: true, channel: true, externalId: true },
    ...skipExisting,
  });
  const messageIds = new Map(created.map((message) => [key(message.channel, message.externalId ?? ""), message.id]));
  const messageIdOf = (item: InboundItem) => messageIds.get(key(item.adapter.dbChannel, item.event.externalId))!;
  // A message missing here was skipped: a concurrent batch stored its twin first.
  fresh = fresh.filter((index) => messageIds.has(key(items[index].adapter.dbChannel, items[index].event.externalId)));
  if (fresh.length === 0) return results;

  // One insert for the batch; the downloads wait for the media worker so the webhook path stays fast.
  const mediaByIndex = new Map(fresh.map((index) => [index, pendingMediaRows(messageIdOf(items[index]), items[index].event.attachments)]));
  const media = [...mediaByIndex.values()].flat();
  if (media.length > 0) await tx.mediaFile.createMany({ data: media });

  await touchConversations(tx, fresh.map((index) => ({ conversationId: threadOf(items[index]).conversation.id, event: items[index].event })));
  await touchLeads(tx, fresh.map((index) => ({ leadId: threadOf(items[index]).leadId, adapter: items[index].adapter, at: items[index].event.timestamp })));

  await tx.communicationLog.createMany({
    data: fresh.map((index) => {
      const item = items[index];
      const thread = threadOf(item);
      return {
        channel: item.adapter.dbChannel,
        direction: "INBOUND" as const,
        contactId: thread.contact.id,
        leadId: thread.leadId,
        messageId: messageIdOf(item),
        kind: "inbound_message",
        summary: `Received: ${truncateText(previewOf(item.event), 120)}`,
      };
    }),
  });

  const profileAsked = new Set<string>();
  for (const index of fresh) {
    const item = items[index];
    const { contact, conversation } = threadOf(item);
    const channel = item.adapter.key;
    // One profile call per contact, however many of their messages the batch holds.
    const fetchProfile = contact.profileFetchedAt === null && !profileAsked.has(contact.id);
    if (fetchProfile) profileAsked.add(contact.id);
    results[index] = {
      outcome: "stored",
      publish: [
        { type: "message.created", conversationId: conversation.id, messageId: messageIdOf(item), channel },
        { type: "conversation.updated", conversationId: conversation.id, channel },
      ],
      fetchProfileFor: fetchProfile
        ? { contactId: contact.id, conversationId: conversation.id, participantId: item.event.participant.id }
        : undefined,
      mediaQueued: mediaByIndex.get(index)!.length > 0,
    };
  }
  return results;
}

interface StoredContact {
  id: string;
  profileFetchedAt: Date | null;
  /** As read with the contact: null for a new one, or one whose lead does not exist yet. */
  leadId: string | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
}

function contactOf(contacts: Map<string, StoredContact>, item: InboundItem): StoredContact {
  return contacts.get(key(item.adapter.dbChannel, item.event.participant.id))!;
}

/**
 * The contacts behind the messages, created on first contact. What a payload says about the person
 * (WhatsApp's profile name, Instagram's username) is written when it differs from what we have, the
 * newest message's word winning — as upserting once per message would leave it.
 */
async function upsertContacts(tx: Tx, items: InboundItem[]): Promise<Map<string, StoredContact>> {
  const wanted = new Map<string, { channel: DbChannel; externalId: string; profile: ProfileFields }>();
  for (const { adapter, event } of items) {
    const contactKey = key(adapter.dbChannel, event.participant.id);
    const previous = wanted.get(contactKey);
    wanted.set(contactKey, {
      channel: adapter.dbChannel,
      externalId: event.participant.id,
      profile: { ...previous?.profile, ...profileFields(event.participant) },
    });
  }
  const select = { id: true, channel: true, externalId: true, profileFetchedAt: true, displayName: true, instagramUsername: true, avatarUrl: true } as const;
  // The lead and conversations come along: one query (one compile) instead of three.
  const withThreads = { ...select, lead: { select: { id: true } }, conversations: { select: { id: true, businessAccountId: true } } } as const;
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
    const created = await tx.contact.createManyAndReturn({
      data: missing.map(([, { channel, externalId, profile }]) => ({ channel, externalId, ...channelIds(channel, externalId), ...profileData(profile) })),
      select,
      ...skipExisting,
    });
    for (const contact of created) found.set(key(contact.channel, contact.externalId), { ...contact, lead: null, conversations: [] });
    const raced = missing.filter(([contactKey]) => !found.has(contactKey)).map(([, contact]) => contact);
    for (const { channel, externalId } of raced) racedKeys.add(key(channel, externalId));
    if (raced.length > 0) {
      for (const contact of await tx.contact.findMany({ where: whereKeys(raced), select: withThreads })) {
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
      profileFetchedAt: contact.profileFetchedAt,
      leadId: contact.lead?.id ?? null,
      conversations: contact.conversations,
    });
  }
  return result;
}

interface ContactRow {
  id: string;
  channel: DbChannel;
  externalId: string;
  profileFetchedAt: Date | null;
  displayName: string | null;
  instagramUsername: string | null;
  avatarUrl: string | null;
  lead: { id: string } | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
}

interface ProfileFields {
  displayName?: string;
  instagramUsername?: string;
  avatarUrl?: string;
}

function profileFields(participant: EventOf<"message">["participant"]): ProfileFields {
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

async function ensureLeads(tx: Tx, contacts: StoredContact[]) {
  const select = { id: true, contactId: true } as const;
  const found = new Map<string, { id: string }>();
  for (const contact of contacts) if (contact.leadId) found.set(contact.id, { id: contact.leadId });
  const missing = contacts.filter((contact) => !found.has(contact.id)).map((contact) => contact.id).sort();
  if (missing.length > 0) {
    const created = await tx.lead.createManyAndReturn({ data: missing.map((contactId) => ({ contactId })), select, ...skipExisting });
    for (const lead of created) found.set(lead.contactId, lead);
    const raced = missing.filter((contactId) => !found.has(contactId));
    if (raced.length > 0) {
      for (const lead of await tx.lead.findMany({ where: { contactId: { in: raced } }, select })) found.set(lead.contactId, lead);
    }
  }
  return found;
}

interface StoredConversation {
  id: string;
}

async function ensureConversations(
  tx: Tx,
  threads: Array<{ channel: DbChannel; contactId: string; businessAccountId: string }>,
  known: Map<string, StoredContact>,
) {
  const select = { id: true, channel: true, contactId: true, businessAccountId: true } as const;
  const found = new Map<string, StoredConversation>();
  for (const thread of threads) {
    const conversation = known.get(thread.contactId)?.conversations.find((row) => row.businessAccountId === thread.businessAccountId);
    if (conversation) found.set(key(thread.channel, thread.contactId, thread.businessAccountId), conversation);
  }
  const missing = new Map<string, (typeof threads)[number]>();
  for (const thread of threads) {
    const threadKey = key(thread.channel, thread.contactId, thread.businessAccountId);
    if (!found.has(threadKey)) missing.set(threadKey, thread);
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

/**
 * Per conversation, what `touchConversation` once per message would leave: unread +1 for each, the
 * preview and order from the newest (the later one on a tie), lastInboundAt only ever forward, and
 * an archived thread back in the inbox. One UPDATE for the whole batch — a Prisma query per
 * conversation cost ~0.5 ms of CPU each to compile, most of a batch's time (BENCHMARKS.md). The
 * "newest" tests compare with the row being updated, not with an earlier read, so concurrent
 * batches on PostgreSQL cannot put an older preview over a newer one.
 */
async function touchConversations(tx: Tx, messages: Array<{ conversationId: string; event: EventOf<"message"> }>) {
  const byConversation = new Map<string, { count: number; newest: EventOf<"message"> }>();
  for (const { conversationId, event } of messages) {
    const entry = byConversation.get(conversationId);
    if (!entry) byConversation.set(conversationId, { count: 1, newest: event });
    else {
      entry.count++;
      if (entry.newest.timestamp <= event.timestamp) entry.newest = event;
    }
  }
  // In id order: two PostgreSQL writers touching the same conversations then lock them in one order.
  const rows = [...byConversation]
    .sort(byKey(([conversationId]) => conversationId))
    .map(([id, { count, newest }]) => [id, asInteger(count), asTimestamp(newest.timestamp), truncateText(previewOf(newest), 200)]);
  // Equal is newest too: WhatsApp stamps whole seconds, and the later message of a tie wins.
  const isNewest = Prisma.sql`(c."lastMessageAt" IS NULL OR c."lastMessageAt" <= v.at)`;
  const isNewestInbound = Prisma.sql`(c."lastInboundAt" IS NULL OR c."lastInboundAt" <= v.at)`;
  await tx.$executeRaw`
    UPDATE "Conversation" AS c SET
      "unreadCount" = c."unreadCount" + v.n,
      "status" = 'OPEN',
      "lastMessageAt" = CASE WHEN ${isNewest} THEN v.at ELSE c."lastMessageAt" END,
      "lastMessagePreview" = CASE WHEN ${isNewest} THEN v.preview ELSE c."lastMessagePreview" END,
      "lastInboundAt" = CASE WHEN ${isNewestInbound} THEN v.at ELSE c."lastInboundAt" END,
      "updatedAt" = ${asTimestamp(new Date())}
    FROM ${valuesTable(["id", "n", "at", "preview"], rows)}
    WHERE c."id" = v.id`;
}

/** Lead.lastContactAt only moves forward: a late redelivery must not make a lead look colder. */
async function touchLeads(tx: Tx, contacts: Array<{ leadId: string; adapter: ChannelAdapter; at: Date }>) {
  const newest = new Map<string, { adapter: ChannelAdapter; at: Date }>();
  for (const { leadId, adapter, at } of contacts) {
    const entry = newest.get(leadId);
    if (!entry || entry.at < at) newest.set(leadId, { adapter, at });
  }
  const rows = [...newest]
    .sort(byKey(([leadId]) => leadId))
    .map(([leadId, { adapter, at }]) => [leadId, asTimestamp(at), asChannel(adapter.dbChannel)]);
  await tx.$executeRaw`
    UPDATE "Lead" AS l SET "lastContactAt" = v.at, "lastContactChannel" = v.channel, "updatedAt" = ${asTimestamp(new Date())}
    FROM ${valuesTable(["id", "at", "channel"], rows)}
    WHERE l."id" = v.id AND (l."lastContactAt" IS NULL OR l."lastContactAt" < v.at)`;
}

/**
 * `(SELECT column1 AS a, column2 AS b … FROM (VALUES (…), …)) AS v`: rows to join an UPDATE with,
 * in the one spelling SQLite and PostgreSQL both read (SQLite has no `AS v(a, b)`).
 */
function valuesTable(columns: string[], rows: Array<Array<Prisma.Sql | string>>): Prisma.Sql {
  const names = columns.map((column, index) => `column${index + 1} AS ${column}`).join(", ");
  const values = Prisma.join(rows.map((row) => Prisma.sql`(${Prisma.join(row)})`));
  return Prisma.sql`(SELECT ${Prisma.raw(names)} FROM (VALUES ${values}) AS t) AS v`;
}

// PostgreSQL types a bare parameter inside VALUES as text; SQLite compares the stored ISO text as is
// (a CAST there would turn a timestamp into a number).
const asInteger = (value: number) => Prisma.sql`CAST(${value} AS INTEGER)`;
const onPostgres = dbProvider === "postgresql";
const asTimestamp = (value: Date) => (onPostgres ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`);
const asChannel = (value: DbChannel) => (onPostgres ? Prisma.sql`CAST(${value} AS "Channel")` : Prisma.sql`${value}`);
