import { describeError } from "@/lib/describe-error";
import { truncateText } from "@/lib/text/truncate";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import type { ChannelAdapter, NormalizedEvent } from "@/lib/channels/types";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { blockedParticipants } from "@/lib/inbox/blocklist";
import { fetchContactProfile } from "@/lib/inbox/ingest/fetch-contact-profile";
import { ingestEvent } from "@/lib/inbox/ingest/ingest-event";
import { ingestInboundBatch, isBatchableInbound, type InboundItem } from "@/lib/inbox/ingest/ingest-inbound-batch";
import { ingestMessage } from "@/lib/inbox/ingest/ingest-message";
import {
  eventStatusOf,
  failureSummary,
  isItemOutcomes,
  mergeReplay,
  pathsToReplay,
  summarizeItems,
  type ItemOutcomes,
  type ItemResult,
} from "@/lib/inbox/ingest/item-outcomes";
import { nothingChanged, type IngestResult } from "@/lib/inbox/ingest/types";
import { cachedAccountCredentials, cachedChannelAccounts } from "@/lib/settings/channel-credentials";
import { nextBatchSize } from "@/lib/inbox/webhooks/batch-size";
import { eventBus } from "@/lib/realtime/bus";
import { kickMediaWorker } from "@/lib/media/media-worker";
import { queueAwayMessage } from "@/lib/away-message/send-away-message";

export interface EventOutcome {
  eventLogId: string;
  status: EventStatus;
  error: string | null;
  /** Normalized events in the delivery (those run this time), and how many changed something. */
  events: number;
  stored: number;
  /** Per item: counts, and the failed and unreadable ones with why. Null when the envelope was unusable. */
  itemOutcomes: ItemOutcomes | null;
}

/** Profile calls at once after a batch: Graph API round trips, not database work. */
const PROFILE_CONCURRENCY = 4;

/**
 * Processes logged deliveries as one batch, in the given order, with the same outcome per row as
 * processing each alone: parse with the channel's adapter into items, store every item's
 * normalized events, then mark the row PROCESSED, IGNORED (nothing in it was for the inbox),
 * PARTIAL (some items failed; the others are stored) or FAILED, with the per-item outcomes. Safe to
 * run any number of times on the same row. The customers' messages among them are stored together
 * (ingest-inbound-batch.ts), every other event on its own, in order, after the messages before it.
 * Ids that do not exist are skipped. A row already tried before (the sweeper's, after a crash) is
 * processed on its own, so an event that crashes the process only ever counts attempts for itself.
 */
export async function processEvents(
  eventLogIds: string[],
  timing: BatchTiming = { storeMs: 0 },
  options: ProcessOptions = {},
): Promise<EventOutcome[]> {
  const ids = [...new Set(eventLogIds)];
  // One statement claims the rows never tried (counting the attempt) and reads them.
  const fresh = await measured(timing, () =>
    db.externalEventLog.updateManyAndReturn({ where: { id: { in: ids }, attempts: 0 }, data: { attempts: { increment: 1 } }, select: ROW }),
  );
  const freshById = new Map(fresh.map((row) => [row.id, row]));
  const outcomes: EventOutcome[] = [];
  let segment: Row[] = [];
  for (const id of ids) {
    const row = freshById.get(id);
    if (row) {
      segment.push(row);
      continue;
    }
    outcomes.push(...(await processSegment(segment, timing, options)));
    segment = [];
    const [retried] = await measured(timing, () =>
      db.externalEventLog.updateManyAndReturn({ where: { id }, data: { attempts: { increment: 1 } }, select: ROW }),
    );
    if (retried) outcomes.push(...(await processSegment([retried], timing, options)));
  }
  outcomes.push(...(await processSegment(segment, timing, options)));
  return outcomes;
}

const ROW = { id: true, source: true, rawBody: true, receivedAt: true, status: true, itemOutcomes: true } as const;
type Row = { id: string; source: string; rawBody: string; receivedAt: Date; status: EventStatus; itemOutcomes: unknown };

interface ProcessOptions {
  /** Replay: re-run only the items that failed last time (when the row lists them). */
  onlyFailedItems?: boolean;
}

/**
 * Filled in by processEvents: the CPU time its database work took (ms), profile calls left out.
 * CPU rather than elapsed time: on a machine shared with other work, elapsed time says more about
 * the neighbours than about the batch.
 */
export interface BatchTiming {
  storeMs: number;
}

function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function measured<T>(timing: BatchTiming, work: () => Promise<T>): Promise<T> {
  const started = cpuNow();
  try {
    return await work();
  } finally {
    timing.storeMs += cpuNow() - started;
  }
}

interface Delivery {
  id: string;
  source: string;
  adapter?: ChannelAdapter;
  items: ItemState[];
  /** Set when the envelope itself could not be read (or the source is unknown): the whole delivery failed. */
  error: string | null;
  /** On a replay of the failed items only: the outcome of the rest, which is kept. */
  previous?: ItemOutcomes;
}

interface ItemState {
  path: string;
  events: NormalizedEvent[];
  /** Why the parser could not read it (its events, if any, are its UNSUPPORTED message). */
  unreadable?: string;
  results: IngestResult[];
  /** Why storing it failed: its remaining events are skipped, the delivery's other items are not. */
  failure?: string;
}

/**
 * Events handled between two yields of the event loop, and so at most the inbound messages stored
 * per transaction: a delivery of thousands of items is processed in slices that stay far below
 * SQLite's and PostgreSQL's limits on bound parameters (Prisma chunks IN lists at 999 on SQLite; the
 * raw batch UPDATEs bind 4 values per conversation), with requests (acknowledgements, /api/health)
 * answered in between — on SQLite each slice holds the one writer from its first query to its
 * commit. The slice is sized to a CPU budget, as the queue's batches are (batch-size.ts).
 */
export const MAX_INGEST_SLICE = 200;
// The floor keeps a busy machine (whose other work this process's CPU clock also counts) from
// shrinking slices to a transaction per message, which would take PostgreSQL minutes for thousands.
const MIN_INGEST_SLICE = 25;
const SLICE_BUDGET_MS = 25;
const slicing = globalThis as unknown as { ingestSliceSize?: number };

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

interface ProfileTarget {
  adapter: ChannelAdapter;
  businessAccountId: string;
  target: NonNullable<IngestResult["fetchProfileFor"]>;
}

async function processSegment(rows: Row[], timing: BatchTiming, options: ProcessOptions): Promise<EventOutcome[]> {
  if (rows.length === 0) return [];
  let started = cpuNow();
  const deliveries = rows.map((row) => parseDelivery(row, options));
  await resolveUnnamedAccounts(deliveries);
  const profiles = new Map<string, ProfileTarget>();

  const record = async (delivery: Delivery, event: NormalizedEvent, item: ItemState, result: IngestResult) => {
    item.results.push(result);
    for (const published of result.publish) await eventBus.publish(published);
    // After the commit, in the background: the away message never holds up ingest.
    const created = result.publish.find((published) => published.type === "message.created");
    if (created && event.kind === "message" && event.direction === "INBOUND") queueAwayMessage(delivery.adapter!, created.conversationId, event.timestamp);
    if (result.mediaQueued) kickMediaWorker();
    const target = result.fetchProfileFor;
    if (target && !profiles.has(target.contactId)) {
      profiles.set(target.contactId, { adapter: delivery.adapter!, businessAccountId: event.businessAccountId, target });
    }
  };

  // Between slices the event loop is free: the CPU spent so far is counted, the wait is not.
  let sinceYield = 0;
  let sliceStarted = started;
  const pause = async () => {
    const now = cpuNow();
    timing.storeMs += now - started;
    slicing.ingestSliceSize = Math.min(MAX_INGEST_SLICE, Math.max(MIN_INGEST_SLICE, nextBatchSize(sinceYield, now - sliceStarted, SLICE_BUDGET_MS)));
    await yieldToEventLoop();
    started = sliceStarted = cpuNow();
    sinceYield = 0;
  };

  // Inbound messages wait here until another kind of event, a full slice, or the end closes the batch.
  let batch: Array<{ delivery: Delivery; item: ItemState; inbound: InboundItem }> = [];
  const storeBatch = async () => {
    const current = batch;
    batch = [];
    for (const { delivery, item, inbound, result } of await ingestBatch(current)) {
      if (result instanceof Error) failItem(delivery, item, result);
      else await record(delivery, inbound.event, item, result);
    }
  };

  for (const delivery of deliveries) {
    for (const item of delivery.items) {
      for (const event of item.events) {
        if (sinceYield >= (slicing.ingestSliceSize ??= 50)) {
          await storeBatch();
          await pause();
        }
        sinceYield++;
        if (isBatchableInbound(event)) {
          batch.push({ delivery, item, inbound: { adapter: delivery.adapter!, event } });
          continue;
        }
        await storeBatch();
        // An item's events depend on one another (an identity change, then its notice): after a failure the rest wait for Replay.
        if (item.failure) break;
        try {
          await record(delivery, event, item, await ingestEvent(delivery.adapter!, event));
        } catch (error) {
          failItem(delivery, item, error);
        }
      }
    }
  }
  await storeBatch();
  timing.storeMs += cpuNow() - started;
  await fetchProfiles([...profiles.values()]);
  const outcomes = deliveries.map(outcomeOf);
  await measured(timing, () => finish(outcomes));
  return outcomes;
}

function parseDelivery(row: Row, options: ProcessOptions): Delivery {
  const delivery: Delivery = { id: row.id, source: row.source, items: [], error: null };
  try {
    delivery.adapter = adapterFor(row.source);
    let items = delivery.adapter.parseWebhook(JSON.parse(row.rawBody));
    const previous = isItemOutcomes(row.itemOutcomes) ? row.itemOutcomes : undefined;
    const replayOnly =
      options.onlyFailedItems && previous && (row.status === "FAILED" || row.status === "PARTIAL") ? pathsToReplay(previous) : null;
    if (replayOnly && previous) {
      items = items.filter((item) => replayOnly.has(item.path));
      delivery.previous = previous;
    }
    delivery.items = items.map((item) => ({
      path: item.path,
      events: item.events.map((event) => notAfter(event, row.receivedAt)),
      ...(item.error ? { unreadable: item.error } : {}),
      results: [],
    }));
  } catch (error) {
    delivery.error = truncateText(describeError(error), 2000);
    console.error(`[ingest] event ${delivery.id} (${delivery.source}) failed: ${delivery.error}`);
  }
  return delivery;
}

/**
 * A payload may name no account of ours (a WhatsApp change without `metadata`, an Instagram item
 * without recipient or entry id): such items belong to the channel's first account, the one
 * replies fall back to as well. The webhook logged the delivery only if that account signed it.
 */
async function resolveUnnamedAccounts(deliveries: Delivery[]) {
  for (const delivery of deliveries) {
    const unnamed = delivery.items.some((item) => item.events.some((event) => event.businessAccountId === ""));
    if (!unnamed || !delivery.adapter) continue;
    const [account] = await cachedChannelAccounts(delivery.adapter.key);
    if (!account) continue;
    for (const item of delivery.items) {
      item.events = item.events.map((event) => (event.businessAccountId === "" ? { ...event, businessAccountId: account.creds.accountId } : event));
    }
  }
}

/**
 * A timestamp after the delivery arrived is a sender's clock (or a forged body) speaking: a message
 * "from 2100" would pin its conversation to the top of the list for good. It happened when it came.
 */
function notAfter<E extends { timestamp: Date }>(event: E, receivedAt: Date): E {
  return event.timestamp > receivedAt ? { ...event, timestamp: receivedAt } : event;
}

/**
 * Stores a batch of inbound messages; blocklisted people's are ignored (their raw events stay in
 * the log). Should the batch fail as a whole, each message is stored on its own, so one bad event
 * costs only its own delivery.
 */
async function ingestBatch<T extends { inbound: InboundItem }>(batch: T[]): Promise<Array<T & { result: IngestResult | Error }>> {
  if (batch.length === 0) return [];
  const blocked = await blockedParticipants(batch.map(({ inbound }) => ({ channel: inbound.adapter.dbChannel, externalId: inbound.event.participant.id })));
  const isBlocked = ({ inbound }: T) => blocked.has(`${inbound.adapter.dbChannel}:${inbound.event.participant.id}`);
  const open = batch.filter((entry) => !isBlocked(entry));
  let stored: Array<IngestResult | Error>;
  try {
    stored = await ingestInboundBatch(open.map(({ inbound }) => inbound));
  } catch (error) {
    console.warn(`[ingest] batch of ${open.length} messages failed (${describeError(error)}); storing them one by one`);
    stored = [];
    for (const { inbound } of open) stored.push(await ingestMessage(inbound.adapter, inbound.event).catch((failure: unknown) => asError(failure)));
  }
  const results = new Map(open.map((entry, index) => [entry, stored[index]]));
  return batch.map((entry) => ({ ...entry, result: results.get(entry) ?? nothingChanged() }));
}

/** After the batch committed: a failing profile call never costs a message (see fetch-contact-profile.ts). */
async function fetchProfiles(targets: ProfileTarget[]) {
  const queue = [...targets];
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const creds = await cachedAccountCredentials(next.adapter.key, next.businessAccountId);
      await fetchContactProfile(next.adapter, creds, next.target);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROFILE_CONCURRENCY, queue.length) }, work));
}

function failItem(delivery: Delivery, item: ItemState, error: unknown) {
  item.failure = truncateText(describeError(error), 500);
  console.error(`[ingest] event ${delivery.id} (${delivery.source}) item ${item.path} failed: ${item.failure}`);
}

function itemResult(item: ItemState): ItemResult {
  if (item.failure) return { path: item.path, outcome: "failed", error: item.failure };
  if (item.unreadable) {
    // With no sender to show it to, an unreadable item is only recorded; with one, its UNSUPPORTED message was stored.
    return { path: item.path, outcome: item.events.length === 0 ? "failed" : "unreadable", error: item.unreadable };
  }
  if (item.results.some((result) => result.outcome === "stored")) return { path: item.path, outcome: "stored" };
  return { path: item.path, outcome: item.results.some((result) => result.outcome === "duplicate") ? "duplicate" : "ignored" };
}

function outcomeOf(delivery: Delivery): EventOutcome {
  const results = delivery.items.flatMap((item) => item.results);
  const base = { eventLogId: delivery.id, events: results.length, stored: results.filter((result) => result.outcome === "stored").length };
  if (delivery.error) return { ...base, status: "FAILED", error: delivery.error, itemOutcomes: null };
  const itemResults = delivery.items.map(itemResult);
  const itemOutcomes = delivery.previous ? mergeReplay(delivery.previous, itemResults) : summarizeItems(itemResults);
  const everythingIgnored = !delivery.previous && results.every((result) => result.outcome === "ignored");
  return { ...base, status: eventStatusOf(itemOutcomes, everythingIgnored), error: failureSummary(itemOutcomes), itemOutcomes };
}

const hasProblems = (outcome: EventOutcome) => !outcome.itemOutcomes || outcome.itemOutcomes.failedCount + outcome.itemOutcomes.unreadableCount > 0;

/** One update per outcome for deliveries without problems; the others each keep their own error and items. */
async function finish(outcomes: EventOutcome[]) {
  const processedAt = new Date();
  for (const status of ["PROCESSED", "IGNORED"] as const) {
    const ids = outcomes.filter((outcome) => outcome.status === status && !hasProblems(outcome)).map((outcome) => outcome.eventLogId);
    for (let start = 0; start < ids.length; start += MAX_INGEST_SLICE) {
      await db.externalEventLog.updateMany({
        where: { id: { in: ids.slice(start, start + MAX_INGEST_SLICE) } },
        data: { status, error: null, processedAt, itemOutcomes: Prisma.DbNull },
      });
    }
  }
  for (const outcome of outcomes.filter(hasProblems)) {
    await db.externalEventLog.update({
      where: { id: outcome.eventLogId },
      data: {
        status: outcome.status,
        error: outcome.error,
        processedAt,
        itemOutcomes: outcome.itemOutcomes ? (outcome.itemOutcomes as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      },
    });
  }
}

/**
 * The admin's Replay button: re-run a logged delivery through the same idempotent pipeline —
 * for a FAILED or PARTIAL one that lists its failed items, only those. Messages already stored stay single.
 */
export async function replayEvent(eventLogId: string): Promise<EventOutcome> {
  const [outcome] = await processEvents([eventLogId], { storeMs: 0 }, { onlyFailedItems: true });
  if (!outcome) throw new ApiError({ code: "NOT_FOUND", message: "No such webhook event" });
  return outcome;
}

/** Events are logged under their channel key ("instagram", "whatsapp"). */
function adapterFor(source: string): ChannelAdapter {
  if (!isChannelKey(source)) throw new Error(`Unknown event source "${source}"`);
  return getChannel(source);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

