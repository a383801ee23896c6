// Percentiles and timing for the benchmark's sequential probes.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export async function timeRequests(
  count: number,
  request: () => Promise<Response>,
  options: { warmUp?: number } = {},
): Promise<number[]> {
  for (let i = 0; i < (options.warmUp ?? 10); i++) await (await request()).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(`Probe answered HTTP ${response.status}`);
  }
  return samples;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : "n/a");
