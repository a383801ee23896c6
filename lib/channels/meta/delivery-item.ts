import { createHash } from "node:crypto";
import type { z } from "zod";
import { type DeliveryItem, type NormalizedEvent, type Participant, WebhookPayloadError } from "../types";

/**
 * The per-item parsing kit every Meta channel parser uses (Instagram, WhatsApp, Messenger): the
 * lenient envelope, one schema per item with its error named by path, and the UNSUPPORTED message
 * an unreadable item becomes when its sender is known. A parser walks `deliveryEntries(payload)`
 * and returns one `DeliveryItem` per item: `understood(path, events)`, or `unreadable(...)`.
 */

/** The envelope is all that must hold for a whole delivery: an object with an `entry` array. */
export function deliveryEntries(payload: unknown, label: string): unknown[] {
  const entries = field(payload, "entry");
  if (!Array.isArray(entries)) throw new WebhookPayloadError(`Invalid ${label} webhook payload: (root).entry: expected an array`);
  return entries;
}

/** Reads a property of something that may not be an object; never throws. */
export function field(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
}

/** A string or number that names something (an id), else undefined; never throws. */
export function idAt(value: unknown, ...keys: Array<string | number>): string | undefined {
  const found = keys.reduce<unknown>((current, key) => field(current, key), value);
  if (typeof found === "number" && Number.isFinite(found)) return String(found);
  return typeof found === "string" && found !== "" ? found : undefined;
}

export const pathOf = (...parts: Array<string | number>) => parts.join(".");

/** Parses one item (or part of one) with its schema: the data, or what is wrong with it, by path. */
export function parseItem<S extends z.ZodType>(schema: S, raw: unknown, path: string): { data: z.output<S> } | { error: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const issues = parsed.error.issues.flatMap((issue) => deepest(issue, []));
  return { error: issues.slice(0, 3).map((issue) => `${[path, ...issue.path].join(".")}: ${issue.message}`).join("; ") };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * A lenient field is a union ("absent" or the real shape), whose own message is only "Invalid
 * input": name the branch that got furthest instead, so the error says which nested field it was.
 */
function deepest(issue: Issue, prefix: PropertyKey[]): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || !issue.errors?.length) return [{ path: path.map(String), message: issue.message }];
  const branches = issue.errors.map((branch) => branch.flatMap((inner) => deepest(inner, path)));
  const depth = (branch: Array<{ path: PropertyKey[] }>) => Math.max(...branch.map((inner) => inner.path.length));
  return branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
}

export const understood = (path: string, events: NormalizedEvent[]): DeliveryItem => ({ path, events });

interface UnreadableOptions {
  path: string;
  raw: unknown;
  error: string;
  /** Who sent it, when the item says; without it the item is only recorded against the event. */
  sender?: { channel: NormalizedEvent["channel"]; businessAccountId: string; participant: Participant; timestamp: Date; direction?: "INBOUND" | "OUTBOUND" };
  /** Meta's own id for the item (mid / wamid), when it has a usable one: the dedupe key. */
  externalId?: string;
  /** What the thread shows instead. */
  text: string;
}

/**
 * An item that can't be read costs only itself: with a known sender it becomes an UNSUPPORTED
 * message in their thread, raw JSON kept for the team; without one, an error on the event.
 */
export function unreadable({ path, raw, error, sender, externalId, text }: UnreadableOptions): DeliveryItem {
  if (!sender) return { path, events: [], error };
  const { direction = "INBOUND", ...base } = sender;
  return {
    path,
    error,
    events: [
      {
        ...base,
        kind: "message",
        direction,
        externalId: externalId ?? unreadableKey(raw),
        type: "UNSUPPORTED",
        text,
        attachments: [unsupportedAttachment(raw, error)],
        ...(direction === "OUTBOUND" ? { isEcho: true } : {}),
      },
    ],
  };
}

/** The raw JSON of something we can't show, kept on the message for staff to look at. */
export function unsupportedAttachment(raw: unknown, reason: string) {
  return { kind: "unsupported" as const, meta: { reason, raw } };
}

/**
 * A dedupe key for an item without a usable id of Meta's: the hash of its JSON, so Meta's
 * redelivery (the same bytes) and a replay store it once.
 */
function unreadableKey(raw: unknown): string {
  return `unreadable:${createHash("sha256").update(JSON.stringify(raw) ?? "undefined").digest("hex").slice(0, 40)}`;
}
