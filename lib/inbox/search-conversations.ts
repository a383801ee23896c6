import { db, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor } from "@/lib/inbox/cursor";
import { containsPattern, ftsPhrase, searchedFields, searchTerms, usesIndex, type SearchTerms } from "@/lib/inbox/search-terms";

/**
 * Conversation search: the conversations whose contact's name, @username or phone number, or the
 * text of one of whose messages, contains the query — a literal, case-insensitive substring
 * (SQLite folds ASCII letters only, as its LIKE does; PostgreSQL's ILIKE folds all). Messages that
 * were unsent don't count.
 *
 * No B-tree serves `LIKE '%q%'`: the ordered walk over the list reads every conversation and its
 * messages before it gives up on a rare word (~550 ms at 1M messages). So, per query:
 * - Trigram indexes (SQLite FTS5 `trigram` tables kept by triggers, PostgreSQL pg_trgm GIN; see the
 *   migration 20261201200000_conversation_search) name the matching conversations, each match
 *   re-checked with the exact LIKE. Fast for a rare word; but a word in every other message has
 *   hundreds of thousands of matches, and collecting them costs more than walking.
 * - So the lookup gives up past MAX_INDEXED_CONVERSATIONS: the word is common, and the ordered walk
 *   fills a page within the first few thousand conversations. The walk also answers queries too
 *   short for trigrams (1–2 characters): correct, and slow only when such a query is rare.
 * Either way one SQL statement orders and limits the page; the caller loads those rows.
 */

/** The list's filters, as lib/inbox/list-conversations.ts reads them from the query. */
export interface ListView {
  channel?: "INSTAGRAM" | "WHATSAPP";
  status: "OPEN" | "ARCHIVED";
  unreadOnly: boolean;
  assigneeId?: string;
  cursor?: Cursor;
}

/** More matching conversations than this and the word is common: the ordered walk is cheaper. */
export const MAX_INDEXED_CONVERSATIONS = 1000;
/** PostgreSQL reads matching messages before it can count conversations: it stops reading here. */
const MAX_INDEXED_MESSAGES = 20 * MAX_INDEXED_CONVERSATIONS;

/** Ids of the first `take` conversations of the view that match `q`, in list order. */
export async function searchConversations(q: string, view: ListView, take: number): Promise<string[]> {
  const terms = searchTerms(q);
  const candidates = usesIndex(terms, dbProvider) ? await lookUpIndexes(terms) : null;
  const match = candidates
    ? candidates.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`c."id" IN (${Prisma.join(candidates)})`
    : scanMatches(terms);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Conversation" c
    WHERE ${viewConditions(view)} AND (${match})
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

const like = Prisma.raw(dbProvider === "postgresql" ? "ILIKE" : "LIKE");

/** The contact half of the match, on `ct` ("Contact"). */
function contactMatches(terms: SearchTerms): Prisma.Sql {
  return Prisma.join(
    searchedFields(terms).map((field) => Prisma.sql`ct.${Prisma.raw(`"${field.column}"`)} ${like} ${containsPattern(field.term)} ESCAPE '\\'`),
    " OR ",
  );
}

/** The match read from the rows themselves, for the walk: no index. */
function scanMatches(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`
    EXISTS (SELECT 1 FROM "Contact" ct WHERE ct."id" = c."contactId" AND (${contactMatches(terms)}))
    OR EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c."id" AND m."status" <> 'DELETED'
      AND m."text" ${like} ${containsPattern(terms.text)} ESCAPE '\\')`;
}

/** Matching conversation ids (in no order) from the trigram indexes, or null when there are too many to be worth it. */
async function lookUpIndexes(terms: SearchTerms): Promise<string[] | null> {
  const limit = MAX_INDEXED_CONVERSATIONS + 1;
  const text = containsPattern(terms.text);
  const [byMessage, byContact] =
    dbProvider === "postgresql"
      ? await Promise.all([
          db.$queryRaw<{ id: string }[]>`
            SELECT DISTINCT hit."conversationId" AS id FROM (
              SELECT m."conversationId" FROM "Message" m
              WHERE m."text" ILIKE ${text} ESCAPE '\\' AND m."status" <> 'DELETED'
              LIMIT ${MAX_INDEXED_MESSAGES}
            ) hit
            LIMIT ${limit}`,
          db.$queryRaw<{ id: string }[]>`
            SELECT c."id" FROM "Contact" ct JOIN "Conversation" c ON c."contactId" = ct."id"
            WHERE ${contactMatches(terms)}
            LIMIT ${limit}`,
        ])
      : await Promise.all([
          db.$queryRaw<{ id: string }[]>`
            SELECT DISTINCT m."conversationId" AS id
            FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid
            WHERE "MessageSearch" MATCH ${ftsPhrase(terms.text)}
              AND m."text" LIKE ${text} ESCAPE '\\' AND m."status" <> 'DELETED'
            LIMIT ${limit}`,
          db.$queryRaw<{ id: string }[]>`
            SELECT c."id" FROM "ContactSearch" s
            JOIN "Contact" ct ON ct.rowid = s.rowid
            JOIN "Conversation" c ON c."contactId" = ct."id"
            WHERE "ContactSearch" MATCH ${searchedFields(terms).map((field) => `${field.column} : ${ftsPhrase(field.term)}`).join(" OR ")}
              AND (${contactMatches(terms)})
            LIMIT ${limit}`,
        ]);
  const ids = new Set([...byMessage, ...byContact].map((row) => row.id));
  return ids.size > MAX_INDEXED_CONVERSATIONS ? null : [...ids];
}

/**
 * The view's filters and cursor in SQL, as listConversations' Prisma query states them (same
 * columns, same order, same cursor seek — see afterCursor in lib/inbox/cursor.ts).
 */
function viewConditions(view: ListView): Prisma.Sql {
  // Enum values are inlined (from the fixed ListView types): PostgreSQL compares an enum column
  // with a text literal, not with a text parameter.
  const conditions = [Prisma.sql`c."hidden" = ${false}`, Prisma.raw(`c."status" = '${enumValue(view.status)}'`)];
  if (view.channel) conditions.push(Prisma.raw(`c."channel" = '${enumValue(view.channel)}'`));
  if (view.unreadOnly) conditions.push(Prisma.sql`c."unreadCount" > 0`);
  if (view.assigneeId) conditions.push(Prisma.sql`c."assigneeId" = ${view.assigneeId}`);
  const cursor = view.cursor;
  if (cursor && cursor.at === null) conditions.push(Prisma.sql`c."lastMessageAt" IS NULL AND c."id" < ${cursor.id}`);
  if (cursor && cursor.at !== null) {
    const at = new Date(cursor.at);
    conditions.push(Prisma.sql`((c."lastMessageAt" <= ${at} AND (c."lastMessageAt" < ${at} OR c."id" < ${cursor.id})) OR c."lastMessageAt" IS NULL)`);
  }
  return Prisma.join(conditions, " AND ");
}

function enumValue(value: string): string {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return value;
}
