// What the figures were measured on: printed with every run and copied into BENCHMARKS.md.
import { availableParallelism, cpus, freemem, loadavg, totalmem } from "node:os";

export interface Machine {
  cores: number;
  cpuModel: string;
  memory: string;
  node: string;
  load: string;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

export function describeMachine(): Machine {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    memory: `${gib(totalmem())} total, ${gib(freemem())} free`,
    node: process.version,
    load: loadNow(),
  };
}

export function loadNow(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}
