// The reports summary over the last 30 days of the big inbox (issue 18): held to a ratio of the
// inbox list's first page, timed turn about with it so the machine's neighbours slow both alike.
import { presetDays } from "../../lib/reports/report-range";
import { timeInTurn } from "./big-inbox";
import { percentile } from "./stats";

export interface ReportsProbe {
  name: string;
  p95: number;
  listP95: number;
  /** Conversations the summary covered (its day buckets' sum), so the figure says what it measured. */
  conversations: number;
}

const LIST_PATH = "/api/inbox/conversations";

export async function benchReports(appUrl: string, cookie: string, samples = 100): Promise<ReportsProbe[]> {
  const { from, to } = presetDays("30d");
  const probes = [
    { name: "Reports summary, 30 days", path: `/api/reports/summary?from=${from}&to=${to}` },
    { name: "Reports summary, 30 days, WhatsApp", path: `/api/reports/summary?from=${from}&to=${to}&channel=whatsapp` },
  ];
  const get = (path: string) => () => fetch(`${appUrl}${path}`, { headers: { cookie } });
  const covered = await Promise.all(
    probes.map(async (probe) => {
      const response = await get(probe.path)();
      if (!response.ok) throw new Error(`${probe.path} answered HTTP ${response.status}`);
      const body = (await response.json()) as { conversationsByDay: { count: number }[] };
      return body.conversationsByDay.reduce((sum, row) => sum + row.count, 0);
    }),
  );
  const [list, ...timed] = await timeInTurn(samples, [LIST_PATH, ...probes.map((probe) => probe.path)].map(get));
  const listP95 = percentile(list, 95);
  return probes.map((probe, index) => ({ name: probe.name, p95: percentile(timed[index], 95), listP95, conversations: covered[index] }));
}
