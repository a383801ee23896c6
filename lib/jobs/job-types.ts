/** What a kind of background job is: how to run it, and how often or how persistently. */
export interface JobDefinition<P = unknown> {
  kind: string;
  run(payload: P, job: { id: string; attempt: number }): Promise<void>;
  /** Periodic jobs run every this many ms (one row per kind); one-off jobs leave it unset. */
  everyMs?: number;
  /** Attempts before a failing one-off job is dropped (logged). Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to `maxRetryDelayMs`. */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /** Longer than one run can take: a live claim never lapses, a crashed one does. Default 5 min. */
  leaseMs?: number;
}
