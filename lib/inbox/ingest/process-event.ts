import { describeError } from "@/lib/describe-error";
import { truncateText } from "@/lib/text/truncate";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import type { ChannelAdapter, NormalizedEvent } from "@/lib/channels/types";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { blockedParticipants } from "@/lib/inbox/blocklist";
import { fetchContactProfile } from "@/lib/inbox/ingest/fetch-contact-profile";
import { ingestEvent } from "@/lib/inbox/ingest/ingest-event";
import { ingestInboundBatch, isBatchableInbound, type InboundItem } from "@/lib/inbox/ingest/ingest-inbound-batch";
import { ingestMessage } from "@/lib/inbox/ingest/ingest-message";
import { nothingChanged, type IngestResult } from "@/lib/inbox/ingest/types";
import { cachedAccountCredentials } from "@/lib/settings/channel-credentials";
import { eventBus } from "@/lib/realtime/bus";
import { kickMediaWorker } from "@/lib/media/media-worker";
import { queueAwayMessage } from "@/lib/away-message/send-away-message";

export interface EventOutcome {
  eventLogId: string;
  status: EventStatus;
  error: string | null;
  /** Normalized events in the delivery, and how many changed something. */
  events: number;
  stored: number;
}

/** Profile calls at once after a batch: Graph API round trips, not database work. */
const PROFILE_CONCURRENCY = 4;

/**
 * Processes one logged webhook delivery: parse with the channel's adapter, store every normalized
 * event, then mark the log row PROCESSED (IGNORED when nothing in it was for the inbox, FAILED with
 * the error otherwise). Safe to run any number of times on the same row.
 */
export async function processEvent(eventLogId: string): Promise<EventOutcome> {
  const [outcome] = await processEvents([eventLogId]);
  if (!outcome) throw new ApiError({ code: "NOT_FOUND", message: "No such webhook event" });
  return outcome;
}

/**
 * Processes logged deliveries as one batch, in the given order, with the same outcome per row as
 * `processEvent` on each in turn: the customers' messages among them are stored together
 * (ingest-inbound-batch.ts), every other event on its own, in order, after the messages before it.
 * Ids that do not exist are skipped. A row already tried before (the sweeper's, after a crash) is
 * processed on its own, so an event that crashes the process only ever counts attempts for itself.
 */
export async function processEvents(eventLogIds: string[], timing: BatchTiming = { storeMs: 0 }): Promise<EventOutcome[]> {
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
    outcomes.push(...(await processSegment(segment, timing)));
    segment = [];
    const [retried] = await measured(timing, () =>
      db.externalEventLog.updateManyAndReturn({ where: { id }, data: { attempts: { increment: 1 } }, select: ROW }),
    );
    if (retried) outcomes.push(...(await processSegment([retried], timing)));
  }
  outcomes.push(...(await processSegment(segment, timing)));
  return outcomes;
}

const ROW = { id: true, source: true, rawBody: true, receivedAt: true } as const;
type Row = { id: string; source: string; rawBody: string; receivedAt: Date };

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
  events: NormalizedEvent[];
  results: IngestResult[];
  error: string | null;
}

interface ProfileTarget {
  adapter: ChannelAdapter;
  businessAccountId: string;
  target: NonNullable<IngestResult["fetchProfileFor"]>;
}

async function processSegment(rows: Row[], timing: BatchTiming): Promise<EventOutcome[]> {
  if (rows.length === 0) return [];
  const started = cpuNow();
  const deliveries = rows.map(parseDelivery);
  const profiles = new Map<string, ProfileTarget>();

  const record = async (delivery: Delivery, event: NormalizedEvent, result: IngestResult) => {
    delivery.results.push(result);
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

  // Inbound messages wait here until another kind of event (or the end) closes the batch.
  let batch: Array<{ delivery: Delivery; item: InboundItem }> = [];
  const storeBatch = async () => {
    const current = batch;
    batch = [];
    for (const { delivery, item, result } of await ingestBatch(current)) {
      // An earlier event of the same delivery failed: like a delivery processed alone, it stops there.
      if (delivery.error) continue;
      if (result instanceof Error) fail(delivery, result);
      else await record(delivery, item.event, result);
    }
  };

  for (const delivery of deliveries) {
    for (const event of delivery.events) {
      if (delivery.error) break;
      if (isBatchableInbound(event)) {
        batch.push({ delivery, item: { adapter: delivery.adapter!, event } });
        continue;
      }
      await storeBatch();
      if (delivery.error) break;
      try {
        await record(delivery, event, await ingestEvent(delivery.adapter!, event));
      } catch (error) {
        fail(delivery, error);
      }
    }
  }
  await storeBatch();
  timing.storeMs += cpuNow() - started;
  await fetchProfiles([...profiles.values()]);
  await measured(timing, () => finish(deliveries));
  return deliveries.map((delivery) => ({
    eventLogId: delivery.id,
    status: statusOf(delivery),
    error: delivery.error,
    events: delivery.results.length,
    stored: delivery.results.filter((result) => result.outcome === "stored").length,
  }));
}

function parseDelivery(row: Row): Delivery {
  const delivery: Delivery = { id: row.id, source: row.source, events: [], results: [], error: null };
  try {
    delivery.adapter = adapterFor(row.source);
    delivery.events = delivery.adapter
      .parseWebhook(JSON.parse(row.rawBody))
      .flatMap((item) => item.events)
      .map((event) => notAfter(event, row.receivedAt));
  } catch (error) {
    fail(delivery, error);
  }
  return delivery;
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
async function ingestBatch(batch: Array<{ delivery: Delivery; item: InboundItem }>) {
  if (batch.length === 0) return [];
  const blocked = await blockedParticipants(batch.map(({ item }) => ({ channel: item.adapter.dbChannel, externalId: item.event.participant.id })));
  const isBlocked = ({ item }: { item: InboundItem }) => blocked.has(`${item.adapter.dbChannel}:${item.event.participant.id}`);
  const open = batch.filter((entry) => !isBlocked(entry));
  let stored: Array<IngestResult | Error>;
  try {
    stored = await ingestInboundBatch(open.map(({ item }) => item));
  } catch (error) {
    console.warn(`[ingest] batch of ${open.length} messages failed (${describeError(error)}); storing them one by one`);
    stored = [];
    for (const { item } of open) stored.push(await ingestMessage(item.adapter, item.event).catch((failure: unknown) => asError(failure)));
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

function statusOf(delivery: Delivery): EventStatus {
  if (delivery.error) return "FAILED";
  return delivery.results.every((result) => result.outcome === "ignored") ? "IGNORED" : "PROCESSED";
}

function fail(delivery: Delivery, error: unknown) {
  delivery.error = truncateText(describeError(error), 2000);
  console.error(`[ingest] event ${delivery.id} (${delivery.source}) failed: ${delivery.error}`);
}

/** One update per outcome for the rows that succeeded; failures each keep their own error. */
async function finish(deliveries: Delivery[]) {
  const processedAt = new Date();
  for (const status of ["PROCESSED", "IGNORED"] as const) {
    const ids = deliveries.filter((delivery) => statusOf(delivery) === status).map((delivery) => delivery.id);
    if (ids.length > 0) await db.externalEventLog.updateMany({ where: { id: { in: ids } }, data: { status, error: null, processedAt } });
  }
  for (const delivery of deliveries.filter((candidate) => candidate.error)) {
    await db.externalEventLog.update({ where: { id: delivery.id }, data: { status: "FAILED", error: delivery.error, processedAt } });
  }
}

/**
 * The admin's Replay button: re-run a logged delivery (FAILED, or any other) through the same
 * idempotent pipeline. Messages already stored stay single.
 */
export async function replayEvent(eventLogId: string): Promise<EventOutcome> {
  const exists = await db.externalEventLog.findUnique({ where: { id: eventLogId }, select: { id: true } });
  if (!exists) throw new ApiError({ code: "NOT_FOUND", message: "No such webhook event" });
  return processEvent(eventLogId);
}

/** Events are logged under their channel key ("instagram", "whatsapp"). */
function adapterFor(source: string): ChannelAdapter {
  if (!isChannelKey(source)) throw new Error(`Unknown event source "${source}"`);
  return getChannel(source);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

