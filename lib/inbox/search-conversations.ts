import { db, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor } from "@/lib/inbox/cursor";
import { containsPattern, ftsPhrase, MAX_INDEXED_MATCHES, searchedFields, searchTerms, usesIndex, type SearchTerms } from "@/lib/inbox/search-terms";

/**
 * Conversation search: the conversations whose contact's name, @username or phone number, or the
 * text of one of whose messages, contains the query — a literal, case-insensitive substring
 * (SQLite folds ASCII letters only, as its LIKE does; PostgreSQL's ILIKE folds all). Messages that
 * were unsent don't count.
 *
 * No B-tree serves `LIKE '%q%'`: the ordered walk over the list reads every conversation and its
 * messages before it gives up on a rare word (~550 ms at 1M messages). So, per query:
 * - Trigram indexes (SQLite FTS5 `trigram` tables kept by triggers, PostgreSQL pg_trgm GIN; see the
 *   migration 20261201200000_conversation_search) name the matching contacts and conversations, each
 *   hit re-checked with the exact LIKE. Fast for a rare word; but a word in every other message has
 *   hundreds of thousands of matches, and collecting them costs more than walking.
 * - So the lookup gives up past MAX_INDEXED_MATCHES: the word is common, and the ordered walk
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

/**
 * PostgreSQL can't stop a DISTINCT early: it reads at most this many matching messages, and more
 * means common too. (SQLite's DISTINCT stops at MAX_INDEXED_MATCHES conversations.)
 */
const MAX_INDEXED_MESSAGES = 5 * MAX_INDEXED_MATCHES;

/** Ids of the first `take` conversations of the view that match `q`, in list order. */
export async function searchConversations(q: string, view: ListView, take: number): Promise<string[]> {
  const terms = searchTerms(q);
  const indexed = usesIndex(terms, dbProvider);
  const matches = indexed ? await lookUpIndexes(terms) : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Conversation" c
    WHERE ${viewConditions(view)} AND (${matches ? indexedMatch(matches) : scannedMatch(terms, indexed)})
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

/**
 * The match read from each conversation's own rows: the walk. For a word the index found common,
 * scalar subqueries, checked row by row down the list until the page is full. For a short query
 * of unknown frequency, EXISTS, so PostgreSQL may choose (by its estimates) to collect the
 * matches first instead: 1 s rather than 4–6 s for a rare pair of letters at 1M messages, but
 * 0.5 s rather than 40 ms for a common word, which is why a common word doesn't get it. SQLite
 * runs both forms row by row.
 */
function scannedMatch(terms: SearchTerms, common: boolean): Prisma.Sql {
  const contact = Prisma.sql`SELECT TRUE FROM "Contact" ct WHERE ct."id" = c."contactId" AND (${contactMatches(terms)})`;
  const message = Prisma.sql`SELECT TRUE FROM "Message" m WHERE m."conversationId" = c."id" AND m."status" <> 'DELETED'
    AND m."text" ${like} ${containsPattern(terms.text)} ESCAPE '\\'`;
  return common ? Prisma.sql`(${contact}) OR (${message} LIMIT 1)` : Prisma.sql`EXISTS (${contact}) OR EXISTS (${message})`;
}

interface IndexedMatches {
  contactIds: string[];
  /** Conversations with a matching message. */
  conversationIds: string[];
}

function indexedMatch({ contactIds, conversationIds }: IndexedMatches): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (contactIds.length) parts.push(Prisma.sql`c."contactId" IN (${Prisma.join(contactIds)})`);
  if (conversationIds.length) parts.push(Prisma.sql`c."id" IN (${Prisma.join(conversationIds)})`);
  return parts.length ? Prisma.join(parts, " OR ") : Prisma.sql`FALSE`;
}

/** What the trigram indexes find, each hit re-checked with the exact LIKE; null when the word is too common for that to pay. */
async function lookUpIndexes(terms: SearchTerms): Promise<IndexedMatches | null> {
  const limit = MAX_INDEXED_MATCHES + 1;
  const text = containsPattern(terms.text);
  if (dbProvider === "postgresql") {
    const [messages, contacts] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`
        SELECT m."conversationId" AS id FROM "Message" m
        WHERE m."text" ILIKE ${text} ESCAPE '\\' AND m."status" <> 'DELETED'
        LIMIT ${MAX_INDEXED_MESSAGES + 1}`,
      db.$queryRaw<{ id: string }[]>`SELECT ct."id" FROM "Contact" ct WHERE ${contactMatches(terms)} LIMIT ${limit}`,
    ]);
    if (messages.length > MAX_INDEXED_MESSAGES) return null;
    return capped(contacts, [...new Set(messages.map((row) => row.id))].map((id) => ({ id })));
  }
  const [messages, contacts] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT m."conversationId" AS id
      FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid
      WHERE "MessageSearch" MATCH ${ftsPhrase(terms.text)}
        AND m."text" LIKE ${text} ESCAPE '\\' AND m."status" <> 'DELETED'
      LIMIT ${limit}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT ct."id" FROM "ContactSearch" s JOIN "Contact" ct ON ct.rowid = s.rowid
      WHERE "ContactSearch" MATCH ${searchedFields(terms).map((field) => `${field.column} : ${ftsPhrase(field.term)}`).join(" OR ")}
        AND (${contactMatches(terms)})
      LIMIT ${limit}`,
  ]);
  return capped(contacts, messages);
}

function capped(contacts: { id: string }[], conversations: { id: string }[]): IndexedMatches | null {
  if (contacts.length > MAX_INDEXED_MATCHES || conversations.length > MAX_INDEXED_MATCHES) return null;
  return { contactIds: contacts.map((row) => row.id), conversationIds: conversations.map((row) => row.id) };
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
