/**
 * How a search query reads, field by field, and how it is written for LIKE and for FTS5: pure
 * functions, so the rules are unit-tested without a database (lib/inbox/search-conversations.ts
 * runs the SQL).
 */

/** What one query looks for in each field; an empty term searches nothing. */
export interface SearchTerms {
  /** In contact names and message text. */
  text: string;
  /** In Instagram usernames: the query without a leading @. */
  username: string;
  /** In WhatsApp numbers (E.164 digits): only when the query looks like a phone number. */
  digits: string;
}

export function searchTerms(q: string): SearchTerms {
  // Numbers are stored as E.164 digits: "00351 934…" is "+351 934…" dialled from Europe.
  const digits = q.replace(/\D/g, "").replace(/^00/, "");
  return {
    text: q,
    username: q.replace(/^@/, ""),
    // "+351 934-000" is a phone number; "ana.live.2024" is not, though it has digits.
    digits: digits.length >= 3 && /^[+\d\s().-]+$/.test(q) ? digits : "",
  };
}

/**
 * More matching contacts, or conversations with a matching message, than this and the word is
 * common: walking the list in order fills a page sooner than collecting every match.
 */
export const MAX_INDEXED_MATCHES = 1000;

/**
 * Whether SQLite's trigram tables can answer: every term needs three characters, counted as the
 * trigram tokenizer counts them (code points: an emoji is one, "🛋️" with its variation selector two).
 */
export function usesIndex(terms: SearchTerms): boolean {
  return searchedFields(terms).every((field) => [...field.term].length >= 3);
}

/** `LIKE` pattern for a literal substring: `\`, `%` and `_` match themselves (with `ESCAPE '\'`). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** An FTS5 string: the whole query is one phrase, so quotes, `*`, `-`, `OR`, `(` are just text. */
export function ftsPhrase(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export interface SearchedField {
  column: "displayName" | "instagramUsername" | "whatsappId";
  term: string;
}

export function searchedFields(terms: SearchTerms): SearchedField[] {
  const fields: SearchedField[] = [
    { column: "displayName", term: terms.text },
    { column: "instagramUsername", term: terms.username },
    { column: "whatsappId", term: terms.digits },
  ];
  return fields.filter((field) => field.term !== "");
}
