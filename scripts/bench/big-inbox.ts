// The inbox after years of use: first page of the list, searches, the first page of a 5k-message
// thread, and the pipeline's board and table over the same 100k leads, timed sequentially (one
// request at a time, so the figure is the server's, not a queue's).
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
  /** For a relative probe: the list's p95 over the same rounds. */
  listP95?: number;
}

export async function benchBigInbox(appUrl: string, cookie: string, inbox: BigInbox, samples = 100): Promise<Probe[]> {
  const probes: Omit<Probe, "p95">[] = [
    { name: "List, first page", path: LIST_PATH, targetMs: 50 },
    { name: `Search by name (?q=${inbox.searchTerm})`, path: `/api/inbox/conversations?q=${inbox.searchTerm}`, targetMs: 150 },
    { name: `Search in message text (?q=${inbox.textSearchTerm})`, path: `/api/inbox/conversations?q=${inbox.textSearchTerm}`, targetMs: 150 },
    { name: "5k-message thread, first page", path: `/api/inbox/conversations/${inbox.bigThreadId}/messages`, targetMs: 50 },
  ];
  const get = (path: string) => () => fetch(`${appUrl}${path}`, { headers: { cookie } });
  const results: Probe[] = [];
  for (const probe of probes) {
    try {
      results.push({ ...probe, p95: percentile(await timeRequests(samples, get(probe.path)), 95) });
    } catch (error) {
      results.push({ ...probe, p95: error instanceof Error ? error.message : String(error) });
    }
  }
  // The pipeline's screens are held to a ratio of the list, so they are timed turn about with it:
  // a burst from the machine's neighbours then slows both sides of the ratio alike.
  const relative = [
    { name: "Leads board, first screen", path: "/api/leads/board", maxRatioToList: 1.5 },
    { name: "Leads table, first page", path: "/api/leads?limit=50", maxRatioToList: 1.5 },
  ];
  try {
    const [list, ...timed] = await timeInTurn(samples, [LIST_PATH, ...relative.map((probe) => probe.path)].map(get));
    const listP95 = percentile(list, 95);
    relative.forEach((probe, index) => results.push({ ...probe, p95: percentile(timed[index], 95), listP95 }));
  } catch (error) {
    for (const probe of relative) results.push({ ...probe, p95: error instanceof Error ? error.message : String(error) });
  }
  return results;
}

const LIST_PATH = "/api/inbox/conversations";

/** One request of each in turn, `count` rounds, after 10 warm-up rounds: a sample list per request. */
export async function timeInTurn(count: number, requests: (() => Promise<Response>)[]): Promise<number[][]> {
  const samples = requests.map(() => [] as number[]);
  for (let round = -10; round < count; round++) {
    for (const [index, request] of requests.entries()) {
      const started = performance.now();
      const response = await request();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`Probe answered HTTP ${response.status}`);
      if (round >= 0) samples[index].push(performance.now() - started);
    }
  }
  return samples;
}
