import type { EventStatus } from "@/lib/generated/prisma/enums";

/**
 * What happened to each item of a webhook delivery, stored on its event log row
 * (`ExternalEventLog.itemOutcomes`): the event log lists the failed items and why, Replay re-runs
 * only those, and the 24-hour counters count deliveries with any. Pure, so the rules are unit-tested.
 */

export interface ItemProblem {
  /** The item's place in the body, e.g. "entry.0.messaging.2". */
  path: string;
  error: string;
}

export interface ItemOutcomes {
  /** Items in the delivery. */
  items: number;
  /** Items that stored something new (a replay's duplicates are not counted again). */
  stored: number;
  /** Items we could not read, stored as UNSUPPORTED messages in their sender's thread. */
  unreadableCount: number;
  /** Items not stored: no known sender, or storing failed. */
  failedCount: number;
  /** The first of each, with why: what the event log lists, and what Replay re-runs alone. */
  unreadable: ItemProblem[];
  failed: ItemProblem[];
}

export type ItemResult =
  | { path: string; outcome: "stored" | "duplicate" | "ignored" }
  | { path: string; outcome: "unreadable" | "failed"; error: string };

/**
 * Problems kept per event: enough to see the pattern, bounded however large the delivery. With
 * more failures than this, Replay re-runs the whole delivery (idempotent, so that is safe too).
 */
export const MAX_PROBLEMS_KEPT = 100;
const MAX_ERROR_LENGTH = 500;

function problemsOf(results: ItemResult[], outcome: "unreadable" | "failed"): ItemProblem[] {
  return results.flatMap((result) => (result.outcome === outcome ? [{ path: result.path, error: result.error.slice(0, MAX_ERROR_LENGTH) }] : []));
}

export function summarizeItems(results: ItemResult[]): ItemOutcomes {
  const unreadable = problemsOf(results, "unreadable");
  const failed = problemsOf(results, "failed");
  return {
    items: results.length,
    stored: results.filter((result) => result.outcome === "stored" || result.outcome === "unreadable").length,
    unreadableCount: unreadable.length,
    failedCount: failed.length,
    unreadable: unreadable.slice(0, MAX_PROBLEMS_KEPT),
    failed: failed.slice(0, MAX_PROBLEMS_KEPT),
  };
}

/** The paths Replay re-runs alone, or null for the whole delivery (more failures than were kept). */
export function pathsToReplay(outcomes: ItemOutcomes): Set<string> | null {
  if (outcomes.failedCount === 0 || outcomes.failedCount > outcomes.failed.length) return null;
  return new Set(outcomes.failed.map((problem) => problem.path));
}

/**
 * A replay of the failed items only: their new results replace the old failures; the rest of
 * the delivery's outcome stays as it was.
 */
export function mergeReplay(previous: ItemOutcomes, replayed: ItemResult[]): ItemOutcomes {
  const now = summarizeItems(replayed);
  return {
    items: previous.items,
    stored: previous.stored + now.stored,
    unreadableCount: previous.unreadableCount + now.unreadableCount,
    failedCount: now.failedCount,
    unreadable: [...previous.unreadable, ...now.unreadable].slice(0, MAX_PROBLEMS_KEPT),
    failed: now.failed,
  };
}

/**
 * FAILED when every item failed, PARTIAL when some did, IGNORED when nothing in it was for the
 * inbox (blocked senders, kinds we skip), PROCESSED otherwise.
 */
export function eventStatusOf(outcomes: ItemOutcomes, everythingIgnored: boolean): EventStatus {
  if (outcomes.failedCount > 0) return outcomes.failedCount >= outcomes.items ? "FAILED" : "PARTIAL";
  return everythingIgnored && outcomes.unreadableCount === 0 ? "IGNORED" : "PROCESSED";
}

/** The event's one-line error: how many items failed, and the first reason. */
export function failureSummary(outcomes: ItemOutcomes): string | null {
  const [first] = outcomes.failed;
  if (!first) return null;
  return `${outcomes.failedCount} of ${outcomes.items} item${outcomes.items === 1 ? "" : "s"} failed; first: ${first.error}`;
}

export function isItemOutcomes(value: unknown): value is ItemOutcomes {
  const candidate = value as ItemOutcomes | null;
  return Boolean(candidate && typeof candidate.items === "number" && typeof candidate.failedCount === "number" && Array.isArray(candidate.failed));
}
