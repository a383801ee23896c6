// The inbox after years of use: first page of the list, searches, and the first page of a 5k-message
// thread, and the pipeline's board and table over the same 100k leads, timed sequentially (one request at a time, so the figure is the server's, not a queue's).
import { percentile, timeRequests } from "./stats";
import type { BigInbox } from "./generate-big-inbox";

export interface Probe {
  name: string;
  path: string;
  /** An absolute target, or … */
  targetMs?: number;
  /** … one relative to the list's first page measured in the same run (issue 20's pipeline screens). */
  maxRatioToList?: number;
  /** p95 in ms, or why it could not be measured (e.g. the route is not there yet). */
  p95: number | string;
}

export async function benchBigInbox(appUrl: string, cookie: string, inbox: BigInbox, samples = 100): Promise<Probe[]> {
  const probes: Omit<Probe, "p95">[] = [
    { name: "List, first page", path: "/api/inbox/conversations", targetMs: 50 },
    { name: `Search by name (?q=${inbox.searchTerm})`, path: `/api/inbox/conversations?q=${inbox.searchTerm}`, targetMs: 150 },
    { name: `Search in message text (?q=${inbox.textSearchTerm})`, path: `/api/inbox/conversations?q=${inbox.textSearchTerm}`, targetMs: 150 },
    { name: "5k-message thread, first page", path: `/api/inbox/conversations/${inbox.bigThreadId}/messages`, targetMs: 50 },
    { name: "Leads board, first screen", path: "/api/leads/board", maxRatioToList: 1.5 },
    { name: "Leads table, first page", path: "/api/leads?limit=50", maxRatioToList: 1.5 },
  ];
  const results: Probe[] = [];
  for (const probe of probes) {
    try {
      const samplesMs = await timeRequests(samples, () => fetch(`${appUrl}${probe.path}`, { headers: { cookie } }));
      results.push({ ...probe, p95: percentile(samplesMs, 95) });
    } catch (error) {
      results.push({ ...probe, p95: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
