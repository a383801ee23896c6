// `tsx e2e/seed-event-log.ts <json>`: writes webhook event log rows into the e2e app's database, for
// states the browser suite cannot produce through Meta's front door (a failure from yesterday).
import { db } from "@/lib/db";

const rows = JSON.parse(process.argv[2] ?? "[]") as {
  source: string;
  status: "RECEIVED" | "PROCESSED" | "IGNORED" | "FAILED";
  rawBody: string;
  error?: string;
  minutesAgo?: number;
}[];
for (const { minutesAgo = 0, ...row } of rows) {
  const created = await db.externalEventLog.create({
    data: { ...row, signatureValid: true, attempts: 1, receivedAt: new Date(Date.now() - minutesAgo * 60_000) },
    select: { id: true },
  });
  console.log(created.id);
}
await db.$disconnect();
