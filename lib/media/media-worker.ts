import { describeError } from "@/lib/describe-error";
import { channelFromDb } from "@/lib/channels/registry";
import type { Attachment } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { retryDelayMs } from "@/lib/jobs/backoff";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { kickOnce, type KickState } from "@/lib/jobs/kick-once";
import { eventBus } from "@/lib/realtime/bus";
import { DownloadTooLargeError, downloadAttachment, MediaDownloadError } from "./download-attachment";
import { isImageKind } from "./downloadable-attachments";
import { makeThumbnail } from "./make-thumbnail";
import { thumbnailKeyOf } from "./media-storage";
import { mediaStorage } from "./storage";
import { deleteAbandonedUploads } from "./upload-reply-attachment";

/**
 * Copies customers' attachments from Meta into our media storage, in the background: the webhook
 * only inserts PENDING MediaFile rows (due at once) and this worker downloads them, a few at a time.
 *
 * The database is the queue. A row is claimed by a conditional update on its attempt count, so two
 * instances sharing PostgreSQL never download the same file twice; the claim also pushes
 * `nextAttemptAt` a lease ahead, so a download interrupted by a crash or restart becomes due again
 * once the lease runs out and the periodic sweep picks it up. Failures are retried with exponential
 * backoff until MEDIA_MAX_ATTEMPTS; expired links and oversized files stop at once.
 */

/** Downloads at once per instance: media is large and the machine is shared with ingest. */
const CONCURRENCY = 2;
/** Longer than a download can take (60 s timeout, three tries) plus storing: a live claim never expires. */
const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;

interface WorkerState extends KickState {
  running: number;
}

// On globalThis: route bundles and instrumentation may each load this module; there is one worker.
const globalForWorker = globalThis as unknown as { inboxMediaWorker?: WorkerState };
const worker: WorkerState = (globalForWorker.inboxMediaWorker ??= { running: 0, pumping: false, pumpAgain: false });

/** Look for due downloads now (after ingest stored a message with media, or when a retry is due). */
export function kickMediaWorker(): void {
  kickOnce(worker, pump, "[media] could not look for downloads");
}

/**
 * Periodic, on the job runner (lib/jobs/), at start-up and then every MEDIA_SWEEP_INTERVAL_MS:
 * retries that came due, downloads a crash left behind, and reply attachments staff uploaded but
 * never sent. The downloads themselves stay on MediaFile rows (claimed the same way): they are the
 * record of each file's state, and a job row per file would only duplicate it.
 */
export const mediaSweepJob: JobDefinition = {
  kind: "media.sweep",
  everyMs: env.MEDIA_SWEEP_INTERVAL_MS,
  async run() {
    kickMediaWorker();
    await deleteAbandonedUploads();
  },
};

async function pump(): Promise<void> {
  while (worker.running < CONCURRENCY) {
    const due = await db.mediaFile.findMany({
      where: { status: "PENDING", messageId: { not: null }, nextAttemptAt: { lte: new Date() } },
      orderBy: { nextAttemptAt: "asc" },
      take: CONCURRENCY - worker.running,
      select: { id: true, attempts: true },
    });
    if (due.length === 0) return;
    let claimedAny = false;
    for (const row of due) {
      if (!(await claim(row))) continue;
      claimedAny = true;
      worker.running++;
      void downloadMediaFile(row.id, row.attempts + 1)
        .catch((error: unknown) => console.error(`[media] ${row.id}: ${describeError(error)}`))
        .finally(() => {
          worker.running--;
          kickMediaWorker();
        });
    }
    // Everything due was taken by another instance in the meantime.
    if (!claimedAny) return;
  }
}

async function claim(row: { id: string; attempts: number }): Promise<boolean> {
  const { count } = await db.mediaFile.updateMany({
    where: { id: row.id, status: "PENDING", attempts: row.attempts },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(Date.now() + LEASE_MS) },
  });
  return count === 1;
}

async function downloadMediaFile(id: string, attempt: number): Promise<void> {
  const file = await db.mediaFile.findUniqueOrThrow({
    where: { id },
    select: { attachmentIndex: true, message: {
        select: { id: true, conversationId: true, channel: true, status: true, attachments: true, conversation: { select: { businessAccountId: true } } },
      },
    },
  });
  const message = file.message;
  if (!message) return;
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []) as unknown as Attachment[];
  const attachment = attachments[file.attachmentIndex];
  const adapter = channelFromDb(message.channel);
  const channel = adapter?.key ?? message.channel.toLowerCase();
  const announce = () => eventBus.publish({ type: "message.updated", conversationId: message.conversationId, messageId: message.id, channel });

  if (!adapter) {
    await finish(id, { status: "FAILED", error: `No ${channel} channel to download from` });
    return;
  }
  if (!attachment || message.status === "DELETED") {
    await finish(id, { status: "FAILED", error: "The message no longer has this attachment" });
    return;
  }
  try {
    const media = await downloadAttachment(adapter, attachment, {
      maxBytes: env.MEDIA_MAX_BYTES,
      businessAccountId: message.conversation.businessAccountId,
    });
    const storage = mediaStorage();
    await storage.put(id, media.body, media.contentType);
    const thumbnail = isImageKind(attachment.kind) && media.contentType.startsWith("image/") ? await makeThumbnail(media.body) : null;
    if (thumbnail) await storage.put(thumbnailKeyOf(id), thumbnail.body, "image/webp");
    await finish(id, {
      status: "STORED",
      storageKey: id,
      thumbnailKey: thumbnail ? thumbnailKeyOf(id) : null,
      contentType: media.contentType,
      size: media.body.byteLength,
      width: thumbnail?.width ?? null,
      height: thumbnail?.height ?? null,
      error: null,
    });
    await announce();
    // The list shows the newest message's thumbnail.
    if (thumbnail) await eventBus.publish({ type: "conversation.updated", conversationId: message.conversationId, channel });
  } catch (error) {
    if (error instanceof DownloadTooLargeError) {
      await finish(id, { status: "TOO_LARGE", size: error.declaredBytes ?? null, error: `Larger than the ${error.maxBytes}-byte limit` });
      await announce();
      return;
    }
    const permanent = error instanceof MediaDownloadError && error.permanent;
    if (permanent || attempt >= env.MEDIA_MAX_ATTEMPTS) {
      await finish(id, { status: "FAILED", error: describeError(error) });
      await announce();
      return;
    }
    const delay = retryDelayMs(attempt, env.MEDIA_RETRY_BASE_MS, MAX_BACKOFF_MS);
    await finish(id, { status: "PENDING", error: describeError(error), nextAttemptAt: new Date(Date.now() + delay) });
    // This instance retries on time; the sweep covers a restart in between.
    setTimeout(kickMediaWorker, delay).unref();
  }
}

type Outcome = {
  status: "PENDING" | "STORED" | "FAILED" | "TOO_LARGE";
  error: string | null;
  storageKey?: string;
  thumbnailKey?: string | null;
  contentType?: string;
  size?: number | null;
  width?: number | null;
  height?: number | null;
  nextAttemptAt?: Date | null;
};

async function finish(id: string, outcome: Outcome): Promise<void> {
  await db.mediaFile.update({
    where: { id },
    data: { nextAttemptAt: null, ...outcome, error: outcome.error?.slice(0, 500) ?? null },
  });
}

