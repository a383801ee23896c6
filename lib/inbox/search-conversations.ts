import type { DbChannel } from "@/lib/channels/types";
import { db, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor } from "@/lib/inbox/cursor";
import { containsPattern, ftsPhrase, MAX_INDEXED_MATCHES, searchedFields, searchTerms, usesIndex, type SearchTerms } from "@/lib/inbox/search-terms";

/**
 * Conversation search: the conversations whose contact's name, @username or phone number, or the
 * text of one of whose messages, contains the query — a literal substring, folding case and
 * accents ("joão" finds "JOAO"): SQLite's trigram tables fold both (remove_diacritics), PostgreSQL
 * compares inbox_fold() of both sides (migration 20261204143000_search_all_views_folded). A query
 * of one or two characters, and the walk below, fall back to LIKE, which on SQLite folds ASCII
 * letters only. Messages that were unsent don't count. A search looks in every view: the caller
 * leaves `status` out.
 *
 * No B-tree serves `LIKE '%q%'`. Walking the list in order and checking each conversation's
 * contact and messages stops at the page for a common word, but reads every conversation for a
 * rare one (0.5 s on a quiet machine at 1M messages, several times that on a busy one). So:
 * 1. Collect the matching contacts, and the conversations with a matching message, up to
 *    MAX_INDEXED_MATCHES each — through the trigram indexes (SQLite: FTS5 `trigram` tables kept
 *    by triggers, for queries of 3+ characters; PostgreSQL: pg_trgm GIN, when its planner likes
 *    them; see the migration 20261201200000_conversation_search), else by a plain scan, which
 *    also stops at the cap. Every hit is re-checked with the exact LIKE.
 * 2. Within the cap: one query orders and limits the view's conversations among them.
 * 3. Past it the word is common, and the walk fills a page within the first few thousand rows.
 * The caller loads the rows of the ids returned.
 */

/** The list's filters, as lib/inbox/list-conversations.ts reads them from the query. */
export interface ListView {
  channel?: DbChannel;
  /** Absent: open and archived alike (a search). */
  status?: "OPEN" | "ARCHIVED" | "SNOOZED";
  unreadOnly: boolean;
  assigneeId?: string;
  cursor?: Cursor;
  /** Only what an agent may see (lib/leads/visibility.ts), in SQL over "Conversation" c. */
  visible?: Prisma.Sql | null;
}

/**
 * PostgreSQL can't stop a DISTINCT early: it reads at most this many matching messages, and more
 * means common too. (SQLite's DISTINCT stops at MAX_INDEXED_MATCHES conversations.)
 */
const MAX_INDEXED_MESSAGES = 5 * MAX_INDEXED_MATCHES;

/** Ids of the first `take` conversations of the view that match `q`, in list order. */
export async function searchConversations(q: string, view: ListView, take: number): Promise<string[]> {
  const terms = searchTerms(q);
  const matches = await collectMatches(terms);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Conversation" c
    WHERE ${viewConditions(view)} AND (${matches ? amongMatches(matches) : walkedMatch(terms)})
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

const postgres = dbProvider === "postgresql";
const like = Prisma.raw(postgres ? "ILIKE" : "LIKE");

/** `column` contains `term`; on PostgreSQL folding accents too, through the indexed inbox_fold(). */
function contains(column: string, term: string, folded: boolean): Prisma.Sql {
  const pattern = containsPattern(term);
  if (postgres && folded) return Prisma.sql`inbox_fold(${Prisma.raw(column)}) LIKE inbox_fold(${pattern}) ESCAPE '\\'`;
  return Prisma.sql`${Prisma.raw(column)} ${like} ${pattern} ESCAPE '\\'`;
}

/** The contact half of the match, on `ct` ("Contact"). Names fold accents; usernames and numbers have none. */
function contactMatches(terms: SearchTerms): Prisma.Sql {
  return Prisma.join(
    searchedFields(terms).map((field) => contains(`ct."${field.column}"`, field.term, field.column === "displayName")),
    " OR ",
  );
}

/** The message half of the match, on `m` ("Message"). */
function messageMatches(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`${contains(`m."text"`, terms.text, true)} AND m."status" <> 'DELETED'`;
}

/**
 * The walk: each conversation's own rows, checked down the list until the page is full. Scalar
 * subqueries, not EXISTS: under OR, PostgreSQL turns an EXISTS into a hashed subplan that first
 * collects every matching message (0.5 s for a common word, against 40 ms row by row).
 */
function walkedMatch(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`
    (SELECT TRUE FROM "Contact" ct WHERE ct."id" = c."contactId" AND (${contactMatches(terms)}))
    OR (SELECT TRUE FROM "Message" m WHERE m."conversationId" = c."id" AND ${messageMatches(terms)} LIMIT 1)`;
}

interface Matches {
  contactIds: string[];
  /** Conversations with a matching message. */
  conversationIds: string[];
}

function amongMatches({ contactIds, conversationIds }: Matches): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (contactIds.length) parts.push(Prisma.sql`c."contactId" IN (${Prisma.join(contactIds)})`);
  if (conversationIds.length) parts.push(Prisma.sql`c."id" IN (${Prisma.join(conversationIds)})`);
  return parts.length ? Prisma.join(parts, " OR ") : Prisma.sql`FALSE`;
}

/** Step 1: every match, or null when there are more than the cap (the word is common). */
async function collectMatches(terms: SearchTerms): Promise<Matches | null> {
  const limit = MAX_INDEXED_MATCHES + 1;
  if (dbProvider === "postgresql") {
    // The same statements serve every query: PostgreSQL picks the GIN index or a scan itself.
    const [contacts, messages] = await Promise.all([
      db.$queryRaw<{ id: string }[]>`SELECT ct."id" FROM "Contact" ct WHERE ${contactMatches(terms)} LIMIT ${limit}`,
      db.$queryRaw<{ id: string }[]>`SELECT m."conversationId" AS id FROM "Message" m WHERE ${messageMatches(terms)} LIMIT ${MAX_INDEXED_MESSAGES + 1}`,
    ]);
    if (messages.length > MAX_INDEXED_MESSAGES) return null;
    return capped(contacts, [...new Set(messages.map((row) => row.id))].map((id) => ({ id })));
  }
  // SQLite's trigram tables find nothing for fewer than three characters: scan the tables then.
  // A phrase of trigrams is itself a substring match (folded), so their hits need no LIKE re-check.
  const fts = usesIndex(terms);
  const [contacts, messages] = await Promise.all([
    fts
      ? db.$queryRaw<{ id: string }[]>`
          SELECT ct."id" FROM "ContactSearch" s JOIN "Contact" ct ON ct.rowid = s.rowid
          WHERE "ContactSearch" MATCH ${searchedFields(terms).map((field) => `${field.column} : ${ftsPhrase(field.term)}`).join(" OR ")}
          LIMIT ${limit}`
      : db.$queryRaw<{ id: string }[]>`SELECT ct."id" FROM "Contact" ct WHERE ${contactMatches(terms)} LIMIT ${limit}`,
    fts
      ? db.$queryRaw<{ id: string }[]>`
          SELECT DISTINCT m."conversationId" AS id FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid
          WHERE "MessageSearch" MATCH ${ftsPhrase(terms.text)} AND m."status" <> 'DELETED'
          LIMIT ${limit}`
      : db.$queryRaw<{ id: string }[]>`SELECT DISTINCT m."conversationId" AS id FROM "Message" m WHERE ${messageMatches(terms)} LIMIT ${limit}`,
  ]);
  return capped(contacts, messages);
}

function capped(contacts: { id: string }[], conversations: { id: string }[]): Matches | null {
  if (contacts.length > MAX_INDEXED_MATCHES || conversations.length > MAX_INDEXED_MATCHES) return null;
  return { contactIds: contacts.map((row) => row.id), conversationIds: conversations.map((row) => row.id) };
}

/**
 * The view's filters and cursor in SQL, as listConversations' Prisma query states them (same
 * columns, same order, same cursor seek — see afterCursor in lib/inbox/cursor.ts).
 */
export function viewConditions(view: ListView): Prisma.Sql {
  // Enum values are inlined (from the fixed ListView types): PostgreSQL compares an enum column
  // with a text literal, not with a text parameter.
  const conditions = [Prisma.sql`c."hidden" = ${false}`];
  if (view.status) conditions.push(Prisma.raw(`c."status" = '${enumValue(view.status)}'`));
  if (view.channel) conditions.push(Prisma.raw(`c."channel" = '${enumValue(view.channel)}'`));
  if (view.unreadOnly) conditions.push(Prisma.sql`c."unreadCount" > 0`);
  if (view.assigneeId) conditions.push(Prisma.sql`c."assigneeId" = ${view.assigneeId}`);
  if (view.visible) conditions.push(view.visible);
  const cursor = view.cursor;
  if (cursor && cursor.at === null) conditions.push(Prisma.sql`c."lastMessageAt" IS NULL AND c."id" < ${cursor.id}`);
  if (cursor && cursor.at !== null) {
    const at = new Date(cursor.at);
    conditions.push(Prisma.sql`((c."lastMessageAt" <= ${at} AND (c."lastMessageAt" < ${at} OR c."id" < ${cursor.id})) OR c."lastMessageAt" IS NULL)`);
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The newest message of each conversation that contains the query, for the list to show (and
 * highlight) instead of the latest message. Conversations found by their contact have none.
 */
export async function matchingMessages(q: string, conversationIds: string[]): Promise<Map<string, { id: string; text: string }>> {
  const terms = searchTerms(q);
  if (conversationIds.length === 0 || terms.text === "") return new Map();
  const among = Prisma.sql`m."conversationId" IN (${Prisma.join(conversationIds)})`;
  const rows =
    !postgres && usesIndex(terms)
      ? await db.$queryRaw<{ id: string; conversationId: string; text: string }[]>`
          SELECT m."id", m."conversationId", m."text" FROM "MessageSearch" s JOIN "Message" m ON m.rowid = s.rowid
          WHERE "MessageSearch" MATCH ${ftsPhrase(terms.text)} AND m."status" <> 'DELETED' AND ${among}
          ORDER BY m."sentAt" DESC LIMIT ${MAX_INDEXED_MATCHES}`
      : await db.$queryRaw<{ id: string; conversationId: string; text: string }[]>`
          SELECT m."id", m."conversationId", m."text" FROM "Message" m
          WHERE ${messageMatches(terms)} AND ${among}
          ORDER BY m."sentAt" DESC LIMIT ${MAX_INDEXED_MATCHES}`;
  const newest = new Map<string, { id: string; text: string }>();
  for (const row of rows) if (!newest.has(row.conversationId)) newest.set(row.conversationId, { id: row.id, text: row.text });
  return newest;
}

function enumValue(value: string): string {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`Not an enum value: ${value}`);
  return value;
}
