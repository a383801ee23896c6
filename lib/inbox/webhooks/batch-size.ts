/**
 * How many logged webhook events the background queue takes at once (event-queue.ts). A batch
 * costs a fixed part (reading the rows, the blocklist, marking them done) plus a part per event,
 * and on SQLite it holds the event loop the whole time; so each batch is sized to a time budget:
 * short while webhooks are arriving, longer once they stopped, to drain with fewer fixed costs.
 */

/** CPU time a batch may take while deliveries are arriving, and once they stopped. */
export const BUSY_BATCH_BUDGET_MS = 10;
export const IDLE_BATCH_BUDGET_MS = 80;
export const MAX_BATCH_SIZE = 200;

/**
 * The next batch size after `size` events took `elapsedMs` of a `budgetMs` budget: scaled by how
 * far off the budget it was, at most halved or doubled at a time. With a fixed plus a per-event
 * cost this settles where a batch takes about the budget.
 */
export function nextBatchSize(size: number, elapsedMs: number, budgetMs: number): number {
  const factor = Math.min(2, Math.max(0.5, budgetMs / Math.max(elapsedMs, 0.1)));
  return Math.max(1, Math.min(MAX_BATCH_SIZE, Math.round(size * factor)));
}
