import type { ChannelAdapter, DbChannel, NormalizedEvent } from "@/lib/channels/types";
import { dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { byKey, ensureThreads, skipExisting } from "@/lib/inbox/ingest/ensure-threads";
import { previewOf, receivedMessageData } from "@/lib/inbox/ingest/thread";
import type { EventOf, IngestResult } from "@/lib/inbox/ingest/types";
import { transactionRetryingRaces } from "@/lib/inbox/transactions";
import { inboundWebhookEvents } from "@/lib/outbound-webhooks/inbound-webhook-events";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { pendingMediaRows } from "@/lib/media/downloadable-attachments";
import { truncateText } from "@/lib/text/truncate";
import { recordStandbyMessages } from "@/lib/handover/ingest-handover";

/**
 * The one writer of customers' messages: a burst's stored together, a single message (replay, the
 * one-by-one fallback) as a batch of one — the same rows and outcome either way, in one transaction
 * with a fixed number of queries per batch, instead of about ten queries per message. Why: every Prisma query
 * costs about a millisecond of CPU here (the query is compiled each time), SQLite never makes the
 * event loop wait, so the ingest's CPU is time the webhooks cannot be answered in (BENCHMARKS.md).
 *
 * Only inbound messages come here: echoes of our own replies may complete a pending reply and
 * other kinds depend on what came before them, so the caller sends those through `ingestEvent` in
 * order, closing the current batch first.
 *
 * On PostgreSQL several batches run at once (and other instances too): inserts skip rows a
 * concurrent batch committed first (its twin of a redelivered message is the one stored), and the
 * threads come from `ensure-threads.ts`, which does the same for contacts, leads and conversations.
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

  const threads = await ensureThreads(
    tx,
    fresh.map((index) => {
      const { adapter, event } = items[index];
      return { channel: adapter.dbChannel, businessAccountId: event.businessAccountId, participant: event.participant, referral: event.referral };
    }),
  );
  const threadByIndex = new Map(fresh.map((index, position) => [index, threads[position]]));
  const threadOf = (index: number) => threadByIndex.get(index)!;

  const created = await tx.message.createManyAndReturn({
    data: fresh.map((index) => receivedMessageData(threadOf(index).conversationId, items[index].adapter, items[index].event)),
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

  await touchConversations(tx, fresh.map((index) => ({ conversationId: threadOf(index).conversationId, event: items[index].event })));
  const standby = fresh.filter((index) => items[index].event.standby);
  if (standby.length > 0) await recordStandbyMessages(tx, standby.map((index) => ({ conversationId: threadOf(index).conversationId, at: items[index].event.timestamp })));
  await touchLeads(tx, fresh.map((index) => ({ leadId: threadOf(index).leadId, adapter: items[index].adapter, at: items[index].event.timestamp })));

  await tx.communicationLog.createMany({
    data: fresh.map((index) => {
      const item = items[index];
      const thread = threadOf(index);
      return {
        channel: item.adapter.dbChannel,
        direction: "INBOUND" as const,
        contactId: thread.contactId,
        leadId: thread.leadId,
        messageId: messageIdOf(item),
        kind: "inbound_message",
        summary: `Received: ${truncateText(previewOf(item.event), 120)}`,
      };
    }),
  });

  await recordWebhookEvents(tx, inboundWebhookEvents(fresh.map((index) => ({ item: items[index], thread: threadOf(index), messageId: messageIdOf(items[index]) }))));

  const profileAsked = new Set<string>();
  for (const index of fresh) {
    const item = items[index];
    const thread = threadOf(index);
    const channel = item.adapter.key;
    // One profile call per contact, however many of their messages the batch holds.
    const fetchProfile = thread.profileFetchedAt === null && !profileAsked.has(thread.contactId);
    if (fetchProfile) profileAsked.add(thread.contactId);
    results[index] = {
      outcome: "stored",
      publish: [
        { type: "message.created", conversationId: thread.conversationId, messageId: messageIdOf(item), channel },
        { type: "conversation.updated", conversationId: thread.conversationId, channel },
      ],
      fetchProfileFor: fetchProfile
        ? { contactId: thread.contactId, conversationId: thread.conversationId, participantId: item.event.participant.id }
        : undefined,
      mediaQueued: mediaByIndex.get(index)!.length > 0,
    };
  }
  return results;
}

/**
 * Per conversation, what `touchConversation` once per message would leave: unread +1 for each, the
 * preview and order from the newest (the later one on a tie), lastInboundAt only ever forward, and
 * an archived or snoozed thread back in the inbox. One UPDATE for the whole batch — a Prisma query per
 * conversation cost ~0.5 ms of CPU each to compile, most of a batch's time (BENCHMARKS.md). The
 * "newest" tests compare with the row being updated, not with an earlier read, so concurrent
 * batches on PostgreSQL cannot put an older preview over a newer one.
 */
async function touchConversations(tx: Tx, messages: Array<{ conversationId: string; event: EventOf<"message"> }>) {
  const byConversation = new Map<string, { count: number; newest: EventOf<"message">; newestInbound: Date | null }>();
  for (const { conversationId, event } of messages) {
    // A standby message (another app holds the thread) does not open our window: lib/handover.
    const inboundAt = event.standby ? null : event.timestamp;
    const entry = byConversation.get(conversationId);
    if (!entry) byConversation.set(conversationId, { count: 1, newest: event, newestInbound: inboundAt });
    else {
      entry.count++;
      if (entry.newest.timestamp <= event.timestamp) entry.newest = event;
      if (inboundAt && (!entry.newestInbound || entry.newestInbound <= inboundAt)) entry.newestInbound = inboundAt;
    }
  }
  // In id order: two PostgreSQL writers touching the same conversations then lock them in one order.
  const rows = [...byConversation]
    .sort(byKey(([conversationId]) => conversationId))
    .map(([id, { count, newest, newestInbound }]) => [id, asInteger(count), asTimestamp(newest.timestamp), truncateText(previewOf(newest), 200), asTimestamp(newestInbound)]);
  // Equal is newest too: WhatsApp stamps whole seconds, and the later message of a tie wins.
  const isNewest = Prisma.sql`(c."lastMessageAt" IS NULL OR c."lastMessageAt" <= v.at)`;
  const isNewestInbound = Prisma.sql`(v.inbound IS NOT NULL AND (c."lastInboundAt" IS NULL OR c."lastInboundAt" <= v.inbound))`;
  await tx.$executeRaw`
    UPDATE "Conversation" AS c SET
      "unreadCount" = c."unreadCount" + v.n,
      "status" = 'OPEN',
      "snoozedUntil" = NULL,
      "lastMessageAt" = CASE WHEN ${isNewest} THEN v.at ELSE c."lastMessageAt" END,
      "lastMessagePreview" = CASE WHEN ${isNewest} THEN v.preview ELSE c."lastMessagePreview" END,
      "lastInboundAt" = CASE WHEN ${isNewestInbound} THEN v.inbound ELSE c."lastInboundAt" END,
      "updatedAt" = ${asTimestamp(new Date())}
    FROM ${valuesTable(["id", "n", "at", "preview", "inbound"], rows)}
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
const asTimestamp = (value: Date | null) => (onPostgres ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`);
const asChannel = (value: DbChannel) => (onPostgres ? Prisma.sql`CAST(${value} AS "Channel")` : Prisma.sql`${value}`);
