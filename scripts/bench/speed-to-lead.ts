// Ingest throughput with the speed-to-lead write-time fields vs without, in one run: the batch
// writer stores the same messages on fresh SQLite files in child processes, alternately with the
// real lib/speed-to-lead/inbound-wait.ts and with a stub that adds nothing to the writer's UPDATE
// (a module hook swaps the file; every other line of code is the same). Rounds alternate so machine
// noise falls on both sides; the figure is the ratio of the medians.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const worker = fileURLToPath(new URL("./ingest-writer-worker.ts", import.meta.url));
const withoutHook = fileURLToPath(new URL("./stubs/without-inbound-wait.mjs", import.meta.url));

function measure(withFields: boolean, options: { batches: number; batchSize: number }): number {
  const args = ["--import", "tsx", ...(withFields ? [] : ["--import", withoutHook]), worker, "--batches", String(options.batches), "--batch-size", String(options.batchSize)];
  const output = execFileSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as { messagesPerSecond: number; waiting: number };
  if ((result.waiting > 0) !== withFields) throw new Error(`The ${withFields ? "with" : "without"} run ${withFields ? "kept no" : "kept"} waiting times: the module swap did not work`);
  return result.messagesPerSecond;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchSpeedToLeadIngest(options: { rounds: number; batches: number; batchSize: number }) {
  const withFields: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    // Alternate which goes first, so a slow spell does not always land on the same side.
    if (round % 2 === 0) {
      without.push(measure(false, options));
      withFields.push(measure(true, options));
    } else {
      withFields.push(measure(true, options));
      without.push(measure(false, options));
    }
  }
  return { with: median(withFields), without: median(without), rounds: options.rounds, samples: { with: withFields, without } };
}
