// Handlers return a reply value instead of writing to the socket, which keeps them plain functions.
import type { GraphErrorResponse } from "./graph-errors";

export type GraphReply =
  | { status: number; body: unknown }
  | { status: number; bytes: Buffer; contentType: string };

export function ok(body: unknown): GraphReply {
  return { status: 200, body };
}

export function fail(error: GraphErrorResponse): GraphReply {
  return { status: error.status, body: error.body };
}

/**
 * Graph returns only the fields asked for (plus id). Nested selections such as
 * `messages{from,message}` are honoured at the top level only; the nested part returns everything.
 */
export function pickFields<T extends { id: string }>(record: T, fields: string | null, defaults?: (keyof T)[]): Partial<T> {
  const wanted = fields ? topLevelFields(fields) : (defaults as string[] | undefined);
  if (!wanted) return record;
  const picked: Record<string, unknown> = { id: record.id };
  for (const name of wanted) if (name in record) picked[name] = record[name as keyof T];
  return picked as Partial<T>;
}

function topLevelFields(fields: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of fields) {
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    if (char === "," && depth === 0) {
      names.push(current);
      current = "";
    } else if (depth === 0 && char !== "}") {
      current += char;
    }
  }
  names.push(current);
  return names.map((name) => name.split(/[.{]/)[0].trim()).filter(Boolean);
}
