/**
 * Exponential backoff with up to 20% jitter, so work that failed together doesn't retry in
 * lockstep: base, 2×base, 4×base… capped at `maxMs`.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs) * (1 + random() * 0.2);
}
