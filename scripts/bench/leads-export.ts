// The CSV export of every lead (100k in the big inbox), streamed: the app's resident memory is
// sampled while the file downloads, so a server that buffered the whole export would show it.
// One stage's export (a fifth of the leads) runs first, unmeasured: it pays the one-time costs
// (compiling the export's queries, the JavaScript heap growing to its working size), so what is
// measured is what grows with the row count.
import { pidListeningOn, rssBytes } from "./process-rss";

export interface ExportRun {
  warmUpRows: number;
  rows: number;
  megabytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

const SAMPLE_EVERY_MS = 50;

export async function benchLeadsExport(appUrl: string, cookie: string): Promise<ExportRun> {
  const pid = pidListeningOn(Number(new URL(appUrl).port));
  if (pid === null) throw new Error("cannot find the app's process in /proc");
  const warmUp = await download(`${appUrl}/api/leads/export?status=NEW`, cookie, () => {});
  const rssBeforeMb = rssBytes(pid) / 2 ** 20;
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssBytes(pid) / 2 ** 20);
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const run = await download(`${appUrl}/api/leads/export`, cookie, () => {
      rssPeakMb = Math.max(rssPeakMb, rssBytes(pid) / 2 ** 20);
    });
    return { warmUpRows: warmUp.rows, rows: run.rows, megabytes: run.bytes / 2 ** 20, seconds: (performance.now() - started) / 1000, rssBeforeMb, rssPeakMb };
  } finally {
    clearInterval(sampler);
  }
}

async function download(url: string, cookie: string, onChunk: () => void): Promise<{ rows: number; bytes: number }> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export answered HTTP ${response.status}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) newlines++;
    onChunk();
  }
  // Every row ends with CRLF; the header is one of them.
  return { rows: newlines - 1, bytes };
}
