// The inbox list filtered by label at 100k conversations, against the unfiltered first page in the
// same run (the machine's speed swings, so the figure is a ratio to a reference measured alongside).
import Database from "better-sqlite3";
import { percentile, timeRequests } from "./stats";

export interface LabelFilterProbe {
  name: string;
  p95: number;
  /** p95 over the unfiltered first page's p95, measured in the same run. */
  ratio: number;
}

/** Conversations carrying each label: a common one (every 10th), and a rare one (every 1000th). */
const LABELS = [
  { id: "bench-label-common", name: "Common", every: 10 },
  { id: "bench-label-rare", name: "Rare", every: 1000 },
] as const;

/** Adds the labels straight into the generated SQLite file, before the app opens it. */
export function seedLabels(file: string): void {
  const database = new Database(file);
  try {
    const now = new Date().toISOString();
    const ids = database.prepare(`SELECT "id" FROM "Conversation" ORDER BY "id"`).pluck().all() as string[];
    const insertLabel = database.prepare(`INSERT INTO "Label" ("id","name","color","createdAt","updatedAt") VALUES (?,?,?,?,?)`);
    const tag = database.prepare(`INSERT INTO "ConversationLabel" ("conversationId","labelId","createdAt") VALUES (?,?,?)`);
    database.transaction(() => {
      for (const label of LABELS) {
        insertLabel.run(label.id, label.name, "#6366f1", now, now);
        ids.forEach((id, index) => index % label.every === 0 && tag.run(id, label.id, now));
      }
    })();
  } finally {
    database.close();
  }
}

export async function benchLabelFilter(appUrl: string, cookie: string, samples = 100): Promise<LabelFilterProbe[]> {
  const time = async (path: string) => percentile(await timeRequests(samples, () => fetch(`${appUrl}${path}`, { headers: { cookie } })), 95);
  const probes: LabelFilterProbe[] = [];
  for (const label of LABELS) {
    // The reference right before each probe, so both see the same load.
    const reference = await time("/api/inbox/conversations");
    const p95 = await time(`/api/inbox/conversations?label=${label.id}`);
    probes.push({ name: `List filtered by a label on 1 in ${label.every} conversations`, p95, ratio: p95 / reference });
  }
  return probes;
}
