// `npm run bench`: starts the production build (run `npx next build` first) on fresh databases and
// prints one table — webhook ingest, big inbox, live latency — against the targets in BENCHMARKS.md.
//
//   npm run bench [-- --only ingest,webhooks,inbox,live,unsigned,large,speed,reports,notify,presence,messenger] [--duration 20] [--warmup 5] [--connections 50] [--channels instagram,whatsapp]
// Ports: apps on 3600–3699, the fake Graph API on 4600–4699 (BENCH_APP_PORT / BENCH_GRAPH_PORT move them).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startFakeGraph } from "../fake-graph/start-fake-graph";
import { startApp, TEST_ADMIN, type RunningApp } from "../../tests/helpers/app";
import { createUser, signIn } from "../../tests/helpers/session";
import { benchBigInbox } from "./big-inbox";
import { channelEnv } from "./channel-env";
import { generateBigInbox } from "./generate-big-inbox";
import { benchIngest, type ChannelKey } from "./ingest";
import { benchLargeDelivery } from "./large-delivery";
import { benchLeadsExport } from "./leads-export";
import { benchLabelFilter, seedLabels } from "./label-filter";
import { benchLiveLatency } from "./live-latency";
import { benchSpeedToLeadIngest } from "./speed-to-lead";
import { benchReports } from "./reports";
import { benchNotificationLatency } from "./notification-latency";
import { benchPresence } from "./presence-latency";
import { benchWebhookSubscribers } from "./webhook-subscribers";
import { benchUnsignedFlood } from "./unsigned-flood";
import { describeMachine, loadNow } from "./machine";
import { ms, percentile } from "./stats";

interface Row {
  measure: string;
  value: string;
  target: string;
  met: boolean | null;
}

const { values } = parseArgs({
  options: {
    only: { type: "string", default: "ingest,webhooks,inbox,live,unsigned,large,speed,reports,notify,presence,messenger" },
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    channels: { type: "string", default: "instagram,whatsapp" },
    conversations: { type: "string", default: "100000" },
    messages: { type: "string", default: "1000000" },
  },
});
const sections = new Set(values.only.split(","));
const channels = values.channels.split(",").filter((name): name is ChannelKey => name === "instagram" || name === "whatsapp");
const appPort = Number(process.env.BENCH_APP_PORT ?? 3600);
const graphPort = Number(process.env.BENCH_GRAPH_PORT ?? 4600);
const rows: Row[] = [];
const notes: string[] = [];
const row = (measure: string, value: string, target = "", met: boolean | null = null) => rows.push({ measure, value, target, met });

const machine = describeMachine();
console.log(`Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memory}, Node ${machine.node}; load ${machine.load}`);

const graph = await startFakeGraph({ port: graphPort });
const env = channelEnv(graph.url);

async function withApp<T>(options: { dataDir?: string }, run: (app: RunningApp, cookie: string) => Promise<T>): Promise<T> {
  const app = await startApp({ port: appPort, env, dataDir: options.dataDir });
  try {
    return await run(app, await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password));
  } finally {
    await app.stop();
  }
}

try {
  if (sections.has("ingest")) {
    const load = {
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      warmupSeconds: Number(values.warmup),
      redeliveryShare: 0.1,
      channels,
    };
    console.log(
      `Webhook ingest (${channels.join(" + ")}): ${load.connections} connections × ${load.durationSeconds} s after a ${load.warmupSeconds} s warm-up, health first … (load ${loadNow()})`,
    );
    const ingest = await withApp({}, (app) => benchIngest(app, load));
    const ratio = ingest.webhook.requestsPerSecond / ingest.health.requestsPerSecond;
    row("Webhook ingest: events/s (HTTP 200)", ingest.webhook.requestsPerSecond.toFixed(0), "≥ 500", ingest.webhook.requestsPerSecond >= 500);
    row("Webhook ingest: latency p50", ms(ingest.webhook.p50));
    row("Webhook ingest: latency p99", ms(ingest.webhook.p99), "< 100 ms", ingest.webhook.p99 < 100);
    row("GET /api/health under the same load: req/s", ingest.health.requestsPerSecond.toFixed(0));
    row("GET /api/health: latency p50 / p99", `${ms(ingest.health.p50)} / ${ms(ingest.health.p99)}`);
    row("Ratio webhook / health", ratio.toFixed(2), "≥ 0.3", ratio >= 0.3);
    row(
      "Deliveries acknowledged (of which redeliveries) / non-2xx / errors",
      `${ingest.acknowledged} (${ingest.redeliveries}) / ${ingest.webhook.non2xx} / ${ingest.webhook.errors}`,
    );
    row(
      "Unique messages acknowledged (warm-up too) → stored once / missing / duplicates",
      `${ingest.uniqueAcknowledged} → ${ingest.storedOnce} / ${ingest.missing} / ${ingest.duplicates}`,
      "all once, 0 lost",
      ingest.missing === 0 && ingest.duplicates === 0 && ingest.storedOnce === ingest.uniqueAcknowledged,
    );
    row("Background processing drained after the burst in", `${ingest.drainSeconds.toFixed(1)} s (${ingest.failedEvents} events FAILED)`);
  }

  if (sections.has("speed")) {
    const options = { rounds: 5, batches: 300, batchSize: 10 };
    console.log(`Ingest writer with the speed-to-lead fields vs without: ${options.rounds} alternating rounds of ${options.batches} batches × ${options.batchSize} … (load ${loadNow()})`);
    const speed = await benchSpeedToLeadIngest(options);
    const ratio = speed.with / speed.without;
    row("Ingest writer messages/s: without / with waiting-time fields (medians)", `${speed.without.toFixed(0)} / ${speed.with.toFixed(0)}`);
    row("Ingest with the speed-to-lead fields ÷ without (same run)", ratio.toFixed(2), "≥ 0.95", ratio >= 0.95);
    row("  per round, without → with (messages/s)", speed.samples.without.map((value, index) => `${value.toFixed(0)}→${speed.samples.with[index].toFixed(0)}`).join(", "));
  }

  if (sections.has("messenger")) {
    // Messenger against Instagram: the same load on one app, one channel at a time, in the same run.
    const load = (channel: ChannelKey) => ({
      connections: Number(values.connections),
      durationSeconds: Number(values.duration),
      warmupSeconds: Number(values.warmup),
      redeliveryShare: 0.1,
      channels: [channel],
    });
    console.log(`Messenger vs Instagram ingest: ${values.connections} connections × ${values.duration} s each … (load ${loadNow()})`);
    const [instagram, messenger] = await withApp({}, async (app) => [await benchIngest(app, load("instagram")), await benchIngest(app, load("messenger"))]);
    const ratio = messenger.webhook.requestsPerSecond / instagram.webhook.requestsPerSecond;
    row("Instagram ingest: events/s, p99", `${instagram.webhook.requestsPerSecond.toFixed(0)}, ${ms(instagram.webhook.p99)}`);
    row("Messenger ingest: events/s, p99", `${messenger.webhook.requestsPerSecond.toFixed(0)}, ${ms(messenger.webhook.p99)}`);
    row("Messenger / Instagram events/s", ratio.toFixed(2), "≥ 0.90", ratio >= 0.9);
    row(
      "Messenger: unique messages → stored once / missing / duplicates",
      `${messenger.uniqueAcknowledged} → ${messenger.storedOnce} / ${messenger.missing} / ${messenger.duplicates}`,
      "all once, 0 lost",
      messenger.missing === 0 && messenger.duplicates === 0 && messenger.storedOnce === messenger.uniqueAcknowledged,
    );
  }

  if (sections.has("webhooks")) {
    const load = { connections: Number(values.connections), durationSeconds: Number(values.duration), warmupSeconds: Number(values.warmup), redeliveryShare: 0.1, channels };
    console.log(`Ingest with two webhook subscribers vs none, same burst, fresh app each … (load ${loadNow()})`);
    const receiverPorts: [number, number] = [Number(process.env.BENCH_RECEIVER_PORT ?? 3603), Number(process.env.BENCH_RECEIVER_PORT ?? 3603) + 1];
    const figures = await benchWebhookSubscribers(load, { app: appPort, receivers: receiverPorts }, env);
    const ratio = figures.with.requestsPerSecond / figures.without.requestsPerSecond;
    row("Ingest events/s: no subscribers / two subscribers", `${figures.without.requestsPerSecond.toFixed(0)} / ${figures.with.requestsPerSecond.toFixed(0)}`);
    row("Ingest with two subscribers ÷ without (same run)", ratio.toFixed(2), "≥ 0.9", ratio >= 0.9);
    const exact = figures.receivers.every((receiver) => receiver.distinct === figures.stored && receiver.repeated === 0 && receiver.storedMessagesMissing === 0);
    row(
      "Stored messages → events at each receiver (distinct / repeated / missing)",
      `${figures.stored} → ${figures.receivers.map((receiver) => `${receiver.distinct} / ${receiver.repeated} / ${receiver.storedMessagesMissing}`).join("; ")}`,
      "each once",
      exact,
    );
    row("Outbox drained after the burst in", `${figures.deliverSeconds.toFixed(1)} s`);
  }

  if (sections.has("unsigned")) {
    const seconds = Math.min(Number(values.duration), 10);
    console.log(`Unsigned 900 KB webhook bodies: /api/health alone, then under 5 connections of them, ${seconds} s each … (load ${loadNow()})`);
    const flood = await withApp({}, (app) => benchUnsignedFlood(app.url, seconds));
    const ratio = flood.healthUnderFloodP50 / Math.max(flood.healthAloneP50, 1);
    row("Unsigned 900 KB bodies: req/s refused (401) / other answers", `${flood.floodRequestsPerSecond.toFixed(0)} (${flood.flood401} × 401) / ${flood.floodOther}`);
    row("GET /api/health p50 alone → under the unsigned flood", `${ms(flood.healthAloneP50)} → ${ms(flood.healthUnderFloodP50)}`);
    row("Ratio health p50 under flood / alone", ratio.toFixed(2), "≤ 3", ratio <= 3);
  }

  if (sections.has("large")) {
    console.log(`Large delivery: 2,500 WhatsApp messages in one signed body vs one-message deliveries, /api/health meanwhile … (load ${loadNow()})`);
    const large = await withApp({}, (app) => benchLargeDelivery(app));
    const ackRatio = large.largeAckMedian / large.smallAckMedian;
    const healthRatio = large.healthDuringP95 / large.healthAloneP95;
    row("Ack: one message / 2,500 messages (median)", `${ms(large.smallAckMedian)} / ${ms(large.largeAckMedian)}`);
    row("Ack ratio 2,500-item ÷ one-item delivery (same run)", ackRatio.toFixed(2), "≤ 3", ackRatio <= 3);
    row(
      `GET /api/health p95 alone → while a 2,500-item delivery is stored (${large.healthDuringSamples} samples)`,
      `${ms(large.healthAloneP95)} → ${ms(large.healthDuringP95)}`,
    );
    row("Ratio health p95 while storing ÷ alone (same run)", healthRatio.toFixed(1), "≤ 10", healthRatio <= 10
    );
    row("2,500-item delivery processed in / stored exactly once", `${large.processSeconds.toFixed(1)} s / ${large.storedOnce ? "yes" : "NO"}`, "once", large.storedOnce);
  }

  if (sections.has("inbox")) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "inbox-bench-"));
    try {
      console.log(`Big inbox: generating ${values.conversations} conversations / ${values.messages} messages …`);
      const inbox = await generateBigInbox({
        file: path.join(dataDir, "inbox.db"),
        conversations: Number(values.conversations),
        messages: Number(values.messages),
        bigThread: 5000,
      });
      // The generated sales team means the app no longer creates its first admin from env: add it.
      await createUser({ databaseUrl: `file:${inbox.file}`, dataDir }, { ...TEST_ADMIN, role: "ADMIN" });
      row("Big inbox generated (conversations / messages)", `${inbox.conversations} / ${inbox.messages} in ${(inbox.elapsedMs / 1000).toFixed(1)} s`);
      seedLabels(inbox.file);
      console.log(`Big inbox: timing the API … (load ${loadNow()})`);
      const { probes, exported, labelProbes } = await withApp({ dataDir }, async (app, cookie) => {
        const timed = await benchBigInbox(app.url, cookie, inbox);
        const labelTimed = await benchLabelFilter(app.url, cookie);
        console.log(`Big inbox: exporting every lead as CSV … (load ${loadNow()})`);
        return { probes: timed, labelProbes: labelTimed, exported: await benchLeadsExport(app.url, cookie).catch((error: unknown) => String(error)) };
      });
      for (const probe of probes) {
        const measured = typeof probe.p95 === "number";
        const value = measured ? ms(probe.p95 as number) : `not measured: ${probe.p95}`;
        if (probe.maxRatioToList === undefined) {
          row(`${probe.name}: p95`, value, `< ${probe.targetMs} ms`, measured && (probe.p95 as number) < probe.targetMs!);
          continue;
        }
        const ratio = measured && probe.listP95 ? (probe.p95 as number) / probe.listP95 : Number.NaN;
        row(
          `${probe.name}: p95 (list p95 in the same rounds)`,
          `${value} (${ms(probe.listP95 ?? Number.NaN)}): ${ratio.toFixed(2)}×`,
          `≤ ${probe.maxRatioToList}× list p95`,
          ratio <= probe.maxRatioToList,
        );
      }
      if (typeof exported === "string") {
        row("Leads CSV export: app RSS growth", `not measured: ${exported}`, "< 100 MB", false);
      } else {
        row("Leads CSV export (rows / size / time)", `${exported.rows} / ${exported.megabytes.toFixed(1)} MB / ${exported.seconds.toFixed(1)} s`, `${inbox.conversations} rows`, exported.rows === inbox.conversations);
        const growth = exported.rssPeakMb - exported.rssBeforeMb;
        row("Leads CSV export: app RSS after a warm-up export", `${exported.warmUpRows} rows (one stage), not measured`);
        row("Leads CSV export: app RSS before → peak (growth)", `${exported.rssBeforeMb.toFixed(0)} → ${exported.rssPeakMb.toFixed(0)} MB (+${growth.toFixed(0)} MB)`, "growth < 100 MB", growth < 100);
      }
      for (const probe of labelProbes) {
        row(`${probe.name}: p95 (× the first page's)`, `${ms(probe.p95)} (× ${probe.ratio.toFixed(2)})`, "≤ × 2", probe.ratio <= 2);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (sections.has("reports")) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "inbox-bench-"));
    try {
      console.log(`Reports: generating ${values.conversations} conversations / ${values.messages} messages …`);
      const inbox = await generateBigInbox({ file: path.join(dataDir, "inbox.db"), conversations: Number(values.conversations), messages: Number(values.messages), bigThread: 5000 });
      await createUser({ databaseUrl: `file:${inbox.file}`, dataDir }, { ...TEST_ADMIN, role: "ADMIN" });
      console.log(`Reports: timing the summary against the list … (load ${loadNow()})`);
      const probes = await withApp({ dataDir }, (app, cookie) => benchReports(app.url, cookie));
      for (const probe of probes) {
        const ratio = probe.p95 / probe.listP95;
        row(
          `${probe.name} (${probe.conversations} conversations): p95 (list p95 in the same rounds)`,
          `${ms(probe.p95)} (${ms(probe.listP95)}): ${ratio.toFixed(2)}×`,
          "≤ 3× list p95",
          ratio <= 3,
        );
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (sections.has("live")) {
    console.log(`Live latency: webhook → SSE event … (load ${loadNow()})`);
    try {
      const latencies = await withApp({}, (app, cookie) => benchLiveLatency(app.url, cookie, 200, channels));
      const p95 = percentile(latencies, 95);
      row("Live: webhook → SSE event p50 / p95", `${ms(percentile(latencies, 50))} / ${ms(p95)}`, "p95 < 250 ms", p95 < 250);
    } catch (error) {
      notes.push(`Live latency not measured: ${error instanceof Error ? error.message : String(error)}`);
      row("Live: webhook → SSE event p95", "not measured", "p95 < 250 ms", false);
    }
  }
  if (sections.has("notify")) {
    console.log(`Notifications: webhook → browser notification shown, beside webhook → SSE event … (load ${loadNow()})`);
    try {
      const figures = await withApp({}, (app, cookie) => benchNotificationLatency(app.url, cookie, 100));
      const sseP95 = percentile(figures.sse, 95);
      const notificationP95 = percentile(figures.notification, 95);
      row("Notify: webhook → SSE event p50 / p95", `${ms(percentile(figures.sse, 50))} / ${ms(sseP95)}`);
      row("Notify: webhook → browser notification p50 / p95", `${ms(percentile(figures.notification, 50))} / ${ms(notificationP95)}`);
      row("Notify: notification p95 ÷ SSE p95 (same deliveries)", (notificationP95 / sseP95).toFixed(2), "≤ 2", notificationP95 <= 2 * sseP95);
    } catch (error) {
      notes.push(`Notification latency not measured: ${error instanceof Error ? error.message : String(error)}`);
      row("Notify: notification p95 ÷ SSE p95", "not measured", "≤ 2", false);
    }
  }
  if (sections.has("presence")) {
    console.log(`Presence: a teammate's typing report → my presence stream, beside webhook → inbox stream … (load ${loadNow()})`);
    const agent = { name: "Bench Agent", email: "bench.agent@example.com", password: "bench-agent-password-1", role: "AGENT" as const };
    const figures = await withApp({}, async (app, cookie) => {
      await createUser(app, agent);
      return benchPresence(app.url, cookie, await signIn(app.url, agent.email, agent.password), 100);
    });
    const typingP50 = percentile(figures.typingLatencies, 50);
    const liveP50 = percentile(figures.liveLatencies, 50);
    row("Presence: typing report → teammate's stream p50 / p95", `${ms(typingP50)} / ${ms(percentile(figures.typingLatencies, 95))}`);
    row("Presence p50 ÷ webhook → inbox stream p50 (same run)", (typingP50 / liveP50).toFixed(2), "≤ 1", typingP50 <= liveP50);
    row("Inbox-stream events caused by 100 typing reports", String(figures.inboxEventsDuringTyping), "0", figures.inboxEventsDuringTyping === 0);
  }
} finally {
  await graph.close();
}

printTable(rows);
for (const note of notes) console.log(`Note: ${note}`);
console.log(`Load average after the run (1 / 5 / 15 min): ${loadNow()}`);
process.exitCode = rows.some((entry) => entry.met === false) ? 1 : 0;

function printTable(entries: Row[]) {
  const cells = entries.map((entry) => [entry.measure, entry.value, entry.target, entry.met === null ? "" : entry.met ? "met" : "MISSED"]);
  const header = ["Measure", "Value", "Target", ""];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const line = (cell: string[]) => `| ${cell.map((text, column) => text.padEnd(widths[column])).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const cell of cells) console.log(line(cell));
  console.log();
}
