import { truncateText } from "@/lib/text/truncate";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import type { ChannelAdapter } from "@/lib/channels/types";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { EventStatus } from "@/lib/generated/prisma/enums";
import { fetchContactProfile } from "@/lib/inbox/ingest/fetch-contact-profile";
import { ingestEvent } from "@/lib/inbox/ingest/ingest-event";
import type { IngestResult } from "@/lib/inbox/ingest/types";
import { cachedAccountCredentials } from "@/lib/settings/channel-credentials";
import { eventBus } from "@/lib/realtime/bus";
import { kickMediaWorker } from "@/lib/media/media-worker";

export interface EventOutcome {
  eventLogId: string;
  status: EventStatus;
  error: string | null;
  /** Normalized events in the delivery, and how many changed something. */
  events: number;
  stored: number;
}

/**
 * Processes one logged webhook delivery: parse with the channel's adapter, store every normalized
 * event, then mark the log row PROCESSED (IGNORED when nothing in it was for the inbox, FAILED with
 * the error otherwise). Safe to run any number of times on the same row.
 */
export async function processEvent(eventLogId: string): Promise<EventOutcome> {
  const row = await db.externalEventLog.update({
    where: { id: eventLogId },
    data: { attempts: { increment: 1 } },
    select: { source: true, rawBody: true },
  });
  const results: IngestResult[] = [];
  try {
    const adapter = adapterFor(row.source);
    const events = adapter.parseWebhook(JSON.parse(row.rawBody));
    for (const event of events) {
      const result = await ingestEvent(adapter, event);
      results.push(result);
      for (const published of result.publish) await eventBus.publish(published);
      if (result.mediaQueued) kickMediaWorker();
      // The profile is asked of the account the customer wrote to: another account's token cannot see them.
      if (result.fetchProfileFor) {
        await fetchContactProfile(adapter, await cachedAccountCredentials(adapter.key, event.businessAccountId), result.fetchProfileFor);
      }
    }
    const status: EventStatus = results.every((result) => result.outcome === "ignored") ? "IGNORED" : "PROCESSED";
    await finish(eventLogId, status, null);
    return outcome(eventLogId, status, null, results);
  } catch (error) {
    const message = truncateText(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 2000);
    console.error(`[ingest] event ${eventLogId} (${row.source}) failed: ${message}`);
    await finish(eventLogId, "FAILED", message);
    return outcome(eventLogId, "FAILED", message, results);
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

async function finish(eventLogId: string, status: EventStatus, error: string | null) {
  await db.externalEventLog.update({
    where: { id: eventLogId },
    data: { status, error, processedAt: new Date() },
  });
}

function outcome(eventLogId: string, status: EventStatus, error: string | null, results: IngestResult[]): EventOutcome {
  return {
    eventLogId,
    status,
    error,
    events: results.length,
    stored: results.filter((result) => result.outcome === "stored").length,
  };
}
