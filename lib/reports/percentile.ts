/**
 * Percentile by linear interpolation between the closest ranks (PostgreSQL's `percentile_cont`,
 * a spreadsheet's PERCENTILE.INC), rounded to a tenth of a second. `sorted` must be ascending.
 * Null for no values: "no data" is not "0 seconds".
 */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * fraction;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const value = sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
  return Math.round(value * 10) / 10;
}

export const median = (sorted: readonly number[]) => percentile(sorted, 0.5);
