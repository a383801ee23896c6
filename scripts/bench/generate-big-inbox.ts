// Fills a SQLite database with a sales team's inbox after a few years: by default 100k conversations
// and 1M messages, one of them a 5k-message thread. Direct SQL through better-sqlite3 in big
// transactions against the migrated schema — the app's own write path would take hours for this.
//
//   npx tsx scripts/bench/generate-big-inbox.ts --db ./data/big.db [--conversations 100000] [--messages 1000000]
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { runMigrations } from "../../lib/db-migrate";
import { createRandom } from "./random";

export interface BigInboxOptions {
  file: string;
  conversations: number;
  messages: number;
  /** Messages in the one long thread the benchmark opens. */
  bigThread: number;
  seed?: number;
}

export interface BigInbox {
  file: string;
  conversations: number;
  messages: number;
  /** The long thread's conversation id. */
  bigThreadId: string;
  /** Words for the search benchmark: in some contact names; in a few messages' text only. */
  searchTerm: string;
  textSearchTerm: string;
  elapsedMs: number;
}

const FIRST = ["Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo", "Inês", "João", "Karina", "Luís", "Marta", "Nuno", "Olívia", "Pedro", "Rita", "Sofia", "Tiago", "Vera"];
const LAST = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho"];
const WORDS = ["sofa", "price", "delivery", "blue", "table", "chair", "available", "discount", "colour", "size", "tomorrow", "thanks", "order", "lamp", "warranty", "shipping", "invoice", "oak", "linen", "cushion"];
/** In ~100 contact names: a search by name. */
export const SEARCH_TERM = "Quintanilha";
/** In one message in 10,000 and in no name: a search that has to look through message text. */
export const TEXT_SEARCH_TERM = "ottoman";

const DAY_MS = 86_400_000;

/** DateTime as Prisma's SQLite adapter writes it (ISO 8601 with "+00:00"), so the app's comparisons hold. */
function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("Z", "+00:00");
}

function pad(value: number): string {
  return value.toString(36).padStart(7, "0");
}

export async function generateBigInbox(options: BigInboxOptions): Promise<BigInbox> {
  const started = Date.now();
  const file = path.resolve(options.file);
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  await runMigrations(`file:${file}`);

  const database = new Database(file);
  // A throwaway bulk load: no fsync, large cache. The app re-applies its own pragmas when it opens the file.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = OFF");
  database.pragma("cache_size = -262144");
  database.pragma("temp_store = MEMORY");

  const random = createRandom(options.seed ?? 42);
  const now = Date.now();
  const conversationCount = options.conversations;
  const bigThreadMessages = Math.min(options.bigThread, options.messages);
  const otherMessages = options.messages - bigThreadMessages;

  const insertContact = database.prepare(
    `INSERT INTO "Contact" ("id","channel","externalId","displayName","instagramId","instagramUsername","whatsappId","leadId","profileFetchedAt","createdAt","updatedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertLead = database.prepare(
    `INSERT INTO "Lead" ("id","status","value","currency","ownerId","sourceKind","sourceChannel","sourceAdId","sourceHeadline","lastContactAt","lastContactChannel","createdAt","updatedAt","statusChangedAt","wonAt")
     VALUES (?,?,?,'EUR',?,?,?,?,?,?,?,?,?,?,?)`,
  );
  // A sales team of eight who own most leads (the board and table show owners; "mine" filters by them).
  const owners = Array.from({ length: 8 }, (_, index) => `bu${index}`);
  const insertUser = database.prepare(
    `INSERT INTO "User" ("id","name","email","passwordHash","role","createdAt","updatedAt") VALUES (?,?,?,'!',?,?,?)`,
  );
  for (const [index, id] of owners.entries()) {
    insertUser.run(id, `${FIRST[index]} Sales`, `sales${index}@bench.example`, "AGENT", isoDate(now), isoDate(now));
  }
  const insertConversation = database.prepare(
    `INSERT INTO "Conversation" ("id","channel","businessAccountId","contactId","leadId","status","unreadCount","lastMessageAt","lastMessagePreview","lastInboundAt","hidden","createdAt","updatedAt","firstInboundAt","firstResponseAt","firstResponseSeconds","firstResponseById","assigneeId")
     VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,?)`,
  );
  const insertMessage = database.prepare(
    `INSERT INTO "Message" ("id","conversationId","channel","direction","externalId","text","type","status","sentAt","createdAt","updatedAt","sentById")
     VALUES (?,?,?,?,?,?,'TEXT',?,?,?,?,?)`,
  );

  const leadStatuses = ["NEW", "CONTACTED", "QUALIFIED", "WON", "LOST"];
  let messageSeq = 0;
  const sentence = () => {
    const length = 3 + random.int(10);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(WORDS[random.int(WORDS.length)]);
    return words.join(" ");
  };

  const writeConversation = (index: number, messageCount: number) => {
    const channel = index % 2 === 0 ? "INSTAGRAM" : "WHATSAPP";
    const key = pad(index);
    const contactId = `bc${key}`;
    const conversationId = `bv${key}`;
    const leadId = `bl${key}`;
    const first = FIRST[random.int(FIRST.length)];
    const last = index % 997 === 0 ? SEARCH_TERM : LAST[random.int(LAST.length)];
    const name = `${first} ${last}`;
    const lastAt = now - random.int(365 * DAY_MS);
    const createdAt = lastAt - messageCount * 60_000;
    const externalId = channel === "INSTAGRAM" ? `17${String(index).padStart(14, "0")}` : `3519${String(index).padStart(8, "0")}`;
    // Leads as a pipeline holds them: most valued and owned, a third from ads, some from links.
    const source = random.int(10);
    const sourceKind = source < 3 ? "ad" : source === 3 ? "link" : "organic";
    const status = leadStatuses[random.int(5)];
    // Speed to lead as the write path keeps it: the agent who answers a conversation sends its
    // replies; first responses spread from seconds to a few hours (the reports read these columns).
    const agent = owners[random.int(owners.length)];
    const responded = messageCount > 1;
    const firstInboundAt = createdAt + 60_000;
    const firstResponseSeconds = responded ? 5 + random.int(random.int(4) === 0 ? 4 * 3600 : 1800) : null;
    insertLead.run(
      leadId,
      status,
      random.int(5) < 3 ? 1_000 + random.int(500_000) : null,
      random.int(10) < 7 ? owners[random.int(owners.length)] : null,
      sourceKind,
      channel,
      sourceKind === "ad" ? `ad-${random.int(40)}` : null,
      sourceKind === "ad" ? `${WORDS[random.int(WORDS.length)]} sale -${10 + random.int(40)}%` : null,
      isoDate(lastAt),
      channel,
      isoDate(createdAt),
      isoDate(lastAt),
      isoDate(lastAt),
      status === "WON" ? isoDate(lastAt) : null,
    );
    insertContact.run(
      contactId,
      channel,
      externalId,
      name,
      channel === "INSTAGRAM" ? externalId : null,
      channel === "INSTAGRAM" ? `${first}.${last}.${index}`.toLowerCase() : null,
      channel === "WHATSAPP" ? externalId : null,
      leadId,
      isoDate(createdAt),
      isoDate(createdAt),
      isoDate(lastAt),
    );

    let preview = "";
    let lastInboundAt = createdAt;
    for (let m = 0; m < messageCount; m++) {
      const sentAt = createdAt + (m + 1) * 60_000;
      const inbound = m % 3 !== 1;
      const seq = messageSeq++;
      const text = seq % 10_000 === 5_000 ? `is the ${TEXT_SEARCH_TERM} ${sentence()}` : sentence();
      insertMessage.run(
        `bm${pad(seq)}`,
        conversationId,
        channel,
        inbound ? "INBOUND" : "OUTBOUND",
        channel === "INSTAGRAM" ? `aWdfZAG1faXRlbTox${seq}` : `wamid.bench${seq}`,
        text,
        inbound ? "DELIVERED" : "READ",
        isoDate(sentAt),
        isoDate(sentAt),
        isoDate(sentAt),
        inbound ? null : agent,
      );
      preview = text;
      if (inbound) lastInboundAt = sentAt;
    }
    insertConversation.run(
      conversationId,
      channel,
      channel === "INSTAGRAM" ? "17841400000000001" : "106540352242922",
      contactId,
      leadId,
      random.int(10) === 0 ? "ARCHIVED" : "OPEN",
      random.int(4) === 0 ? 1 + random.int(5) : 0,
      isoDate(lastAt),
      preview.slice(0, 120),
      isoDate(lastInboundAt),
      isoDate(createdAt),
      isoDate(lastAt),
      isoDate(firstInboundAt),
      firstResponseSeconds === null ? null : isoDate(firstInboundAt + firstResponseSeconds * 1000),
      firstResponseSeconds,
      firstResponseSeconds === null ? null : agent,
      random.int(10) < 8 ? agent : null,
    );
    return conversationId;
  };

  // Foreign keys stay off during the load (rows arrive child-first within a transaction); the
  // generator's ids are consistent by construction.
  database.pragma("foreign_keys = OFF");
  const restoreSearchIndexes = setSearchTriggersAside(database);
  const perConversation = conversationCount > 1 ? otherMessages / (conversationCount - 1) : 0;
  let bigThreadId = "";
  const BATCH = 10_000;
  for (let start = 0; start < conversationCount; start += BATCH) {
    database.transaction(() => {
      for (let index = start; index < Math.min(start + BATCH, conversationCount); index++) {
        if (index === 0) {
          bigThreadId = writeConversation(0, bigThreadMessages);
          continue;
        }
        // Spread the remainder evenly, so the totals are exact.
        const count = Math.floor(index * perConversation) - Math.floor((index - 1) * perConversation);
        writeConversation(index, count);
      }
    })();
  }
  restoreSearchIndexes();
  database.pragma("wal_checkpoint(TRUNCATE)");
  database.exec("ANALYZE");
  const counts = database
    .prepare(`SELECT (SELECT count(*) FROM "Conversation") AS conversations, (SELECT count(*) FROM "Message") AS messages`)
    .get() as { conversations: number; messages: number };
  database.close();
  return { file, ...counts, bigThreadId, searchTerm: SEARCH_TERM, textSearchTerm: TEXT_SEARCH_TERM, elapsedMs: Date.now() - started };
}

/**
 * The search indexes (FTS5 tables, see the conversation_search migration) are kept by triggers, one
 * row at a time: through them this load took 3-4x as long as loading bare and rebuilding each index
 * once. So the triggers that write to an FTS5 table are dropped for the load; the returned function
 * puts them back exactly as they were and rebuilds the indexes from the loaded rows.
 */
function setSearchTriggersAside(database: Database.Database): () => void {
  const indexes = (database.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`).all() as { name: string }[])
    .map((row) => row.name);
  const triggers = (database.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[])
    .filter((trigger) => indexes.some((index) => trigger.sql.includes(`"${index}"`)));
  for (const trigger of triggers) database.exec(`DROP TRIGGER "${trigger.name}"`);
  return () => {
    for (const trigger of triggers) database.exec(trigger.sql);
    for (const index of indexes) database.exec(`INSERT INTO "${index}"("${index}") VALUES ('rebuild')`);
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "./data/big-inbox.db" },
      conversations: { type: "string", default: "100000" },
      messages: { type: "string", default: "1000000" },
      "big-thread": { type: "string", default: "5000" },
    },
  });
  const result = await generateBigInbox({
    file: values.db,
    conversations: Number(values.conversations),
    messages: Number(values.messages),
    bigThread: Number(values["big-thread"]),
  });
  console.log(
    `Generated ${result.conversations} conversations and ${result.messages} messages in ${(result.elapsedMs / 1000).toFixed(1)} s → ${result.file}\n` +
      `Long thread: ${result.bigThreadId}; search terms: ${result.searchTerm} (names), ${result.textSearchTerm} (message text)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
