// One measurement of the inbound batch writer (lib/inbox/ingest/ingest-inbound-batch.ts) on a fresh
// SQLite file: `--batches` batches of `--batch-size` customer messages spread over `--customers`
// conversations, stored the way webhook processing stores them. Prints `{ messagesPerSecond, waiting }`
// as JSON. Run by scripts/bench/speed-to-lead.ts, with and without the speed-to-lead write-time fields.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { batches: { type: "string" }, "batch-size": { type: "string" }, customers: { type: "string" } } });
const batches = Number(values.batches ?? 400);
const batchSize = Number(values["batch-size"] ?? 10);
const customers = Number(values.customers ?? 500);

const dir = mkdtempSync(path.join(tmpdir(), "ingest-writer-"));
process.env.DATABASE_URL = `file:${path.join(dir, "inbox.db")}`;
process.env.DATA_DIR = dir;
try {
  const { runMigrations } = await import("@/lib/db-migrate");
  await runMigrations(process.env.DATABASE_URL);
  const { ingestInboundBatch } = await import("@/lib/inbox/ingest/ingest-inbound-batch");
  const { instagramChannel } = await import("@/lib/channels/instagram/instagram-channel");
  const { db } = await import("@/lib/db");

  let sequence = 0;
  const batch = (base: number) =>
    Array.from({ length: batchSize }, () => {
      sequence++;
      return {
        adapter: instagramChannel,
        event: {
          kind: "message" as const,
          channel: "instagram" as const,
          direction: "INBOUND" as const,
          businessAccountId: "17841400000000001",
          participant: { id: `9${String(sequence % customers).padStart(15, "0")}` },
          timestamp: new Date(base + sequence * 1000),
          externalId: `bench-mid-${sequence}`,
          type: "TEXT" as const,
          text: `Bench message ${sequence}`,
          attachments: [],
        },
      };
    });

  const base = Date.now() - 24 * 60 * 60 * 1000;
  // Warm-up: the first batches create every contact, lead and conversation and compile the queries.
  for (let index = 0; index < Math.ceil(customers / batchSize); index++) await ingestInboundBatch(batch(base));
  const started = performance.now();
  for (let index = 0; index < batches; index++) await ingestInboundBatch(batch(base));
  const seconds = (performance.now() - started) / 1000;
  // Proves which side ran: with the fields every conversation waits, without them none does.
  const waiting = await db.conversation.count({ where: { waitingSince: { not: null } } });
  await db.$disconnect();
  console.log(JSON.stringify({ messagesPerSecond: (batches * batchSize) / seconds, waiting }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
