import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryDelayMs } from "./backoff";
import type { JobDefinition } from "./job-types";
import { kickOnce, type KickState } from "./kick-once";
import { describeError } from "@/lib/describe-error";

/**
 * One background-job runner for SQLite and PostgreSQL: the Job table is the queue. Every instance
 * polls for due rows and claims one with a conditional UPDATE (same attempt count, no live lease)
 * that pushes `claimedUntil` a lease ahead, so exactly one instance runs it; a crash lets the lease
 * lapse and the job runs again. Failures retry with exponential backoff. Periodic jobs are one row
 * per kind whose `runAt` moves on after each run, so a schedule runs on one instance at a time.
 *
 * No queue library fits both databases (pg-boss and graphile-worker are PostgreSQL-only), see README.
 */

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_RETRY_BASE_MS = 10_000;
const DEFAULT_MAX_RETRY_DELAY_MS = 60 * 60_000;

interface RunnerState extends KickState {
  definitions: Map<string, JobDefinition<never>>;
  running: number;
  /** Resolves when the instance's foreground work allows background jobs to run. */
  waitForIdle?: () => Promise<void>;
  poller?: NodeJS.Timeout;
}

// On globalThis: route bundles and instrumentation may each load this module; there is one runner.
const globalForJobs = globalThis as unknown as { inboxJobRunner?: RunnerState };
const state: RunnerState = (globalForJobs.inboxJobRunner ??= {
  definitions: new Map(),
  running: 0,
  pumping: false,
  pumpAgain: false,
});

/**
 * Queues a one-off job. Pass the transaction that makes the change the job follows from, so the
 * job exists exactly when the change does; call `kickJobs()` after it commits to start at once.
 */
export async function enqueueJob(
  kind: string,
  payload: Prisma.InputJsonValue,
  options: { tx?: Prisma.TransactionClient; runAt?: Date } = {},
): Promise<void> {
  await (options.tx ?? db).job.create({ data: { kind, payload, runAt: options.runAt ?? new Date() } });
}

/** Many jobs in one statement (the outbox writes one per subscribed endpoint). */
export async function enqueueJobs(tx: Prisma.TransactionClient, jobs: { kind: string; payload: Prisma.InputJsonValue }[]): Promise<void> {
  if (jobs.length === 0) return;
  const runAt = new Date();
  await tx.job.createMany({ data: jobs.map((job) => ({ ...job, runAt })) });
}

/**
 * Start the runner (once per instance, from lib/start-up.ts) with every kind of job it runs:
 * periodic jobs are due at once, then every `everyMs`. `waitForIdle` gives foreground work
 * priority: jobs are claimed only once it resolves (webhook ingest, so a burst is acknowledged and
 * stored at full speed and the deliveries it caused follow right after).
 */
export async function startJobRunner(definitions: JobDefinition<never>[], options: { waitForIdle?: () => Promise<void> } = {}): Promise<void> {
  if (state.poller) return;
  state.waitForIdle = options.waitForIdle;
  for (const definition of definitions) {
    state.definitions.set(definition.kind, definition);
    if (definition.everyMs !== undefined) await schedulePeriodic(definition.kind);
  }
  state.poller = setInterval(kickJobs, env.JOBS_POLL_INTERVAL_MS);
  state.poller.unref();
  kickJobs();
}

async function schedulePeriodic(kind: string): Promise<void> {
  const now = new Date();
  try {
    await db.job.create({ data: { kind, key: kind, runAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Already scheduled (another instance, or before a restart): due now, as the loops it replaces were at start-up.
    await db.job.updateMany({ where: { key: kind, runAt: { gt: now } }, data: { runAt: now } });
  }
}

/** Look for due jobs now rather than at the next poll. */
export function kickJobs(): void {
  kickOnce(state, pump, "[jobs] could not look for due jobs");
}

async function pump(): Promise<void> {
  const kinds = [...state.definitions.keys()];
  while (state.running < env.JOBS_CONCURRENCY) {
    await state.waitForIdle?.();
    const now = new Date();
    const due = await db.job.findMany({
      where: { kind: { in: kinds }, runAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      orderBy: { runAt: "asc" },
      take: env.JOBS_CONCURRENCY - state.running,
      select: { id: true, kind: true, payload: true, attempts: true },
    });
    if (due.length === 0) return;
    let claimedAny = false;
    for (const job of due) {
      const definition = state.definitions.get(job.kind);
      if (!definition || !(await claim(job, definition, now))) continue;
      claimedAny = true;
      state.running++;
      void runJob(job, definition)
        .catch((error: unknown) => console.error(`[jobs] ${job.kind} ${job.id}: ${describeError(error)}`))
        .finally(() => {
          state.running--;
          kickJobs();
        });
    }
    // Everything due was taken by another instance in the meantime.
    if (!claimedAny) return;
  }
}

async function claim(job: { id: string; attempts: number }, definition: JobDefinition<never>, now: Date): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, attempts: job.attempts, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { attempts: { increment: 1 }, claimedUntil: new Date(now.getTime() + (definition.leaseMs ?? DEFAULT_LEASE_MS)) },
  });
  return count === 1;
}

async function runJob(job: { id: string; kind: string; payload: unknown; attempts: number }, definition: JobDefinition<never>) {
  const attempt = job.attempts + 1;
  try {
    await definition.run(job.payload as never, { id: job.id, attempt });
  } catch (error) {
    await recordFailure(job, definition, attempt, error);
    return;
  }
  if (definition.everyMs !== undefined) {
    await db.job.updateMany({
      where: { id: job.id },
      data: { runAt: new Date(Date.now() + definition.everyMs), attempts: 0, claimedUntil: null, lastError: null },
    });
  } else {
    await db.job.deleteMany({ where: { id: job.id } });
  }
}

async function recordFailure(job: { id: string; kind: string }, definition: JobDefinition<never>, attempt: number, error: unknown) {
  const reason = describeError(error).slice(0, 500);
  console.error(`[jobs] ${job.kind} failed (attempt ${attempt}): ${reason}`);
  if (definition.everyMs !== undefined) {
    await db.job.updateMany({
      where: { id: job.id },
      data: { runAt: new Date(Date.now() + definition.everyMs), attempts: 0, claimedUntil: null, lastError: reason },
    });
    return;
  }
  if (attempt >= (definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
    console.error(`[jobs] ${job.kind} ${job.id} gave up after ${attempt} attempts`);
    await db.job.deleteMany({ where: { id: job.id } });
    return;
  }
  const delay = retryDelayMs(attempt, definition.retryBaseMs ?? DEFAULT_RETRY_BASE_MS, definition.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS);
  await db.job.updateMany({
    where: { id: job.id },
    data: { runAt: new Date(Date.now() + delay), claimedUntil: null, lastError: reason },
  });
  // This instance retries on time; the poll covers a restart in between.
  setTimeout(kickJobs, delay).unref();
}
