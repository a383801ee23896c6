import type { Random } from "../../scripts/bench/random";

/**
 * Generated bad input for the robustness tests, all drawn from a seeded PRNG so a failing case
 * reproduces from (seed, index): malformed, truncated, wrongly-typed, oversized bodies, hostile ids
 * and query strings.
 */

export interface FuzzBody {
  kind: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
}

const STRINGS = [
  "",
  " ",
  "null",
  "0",
  "-1",
  "true",
  "💥🔥👨‍👩‍👧‍👦",
  "مرحبا بالعالم",
  "\u202egnp.exe",
  "\u0000\u0001\u001f",
  "' OR 1=1 --",
  "\"; DROP TABLE \"Message\"; --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00%ff%fe",
  "${jndi:ldap://x}",
  "__proto__",
  "constructor",
  "9".repeat(400),
  "NaN",
  "1e999",
  "2024-13-45T99:99:99Z",
];

/** Field names the app's schemas use, so generated objects reach validation rather than a default. */
const FIELDS = [
  "text", "status", "assigneeId", "leadStatus", "note", "shortcut", "body", "name", "email", "password", "role",
  "template", "language", "parameters", "idempotencyKey", "accessToken", "appSecret", "apiSecret", "verifyToken",
  "isEnabled", "config", "pageId", "phoneNumberId", "reason", "undo", "cursor", "limit", "q", "id", "channel",
  "object", "entry", "messaging", "changes", "value", "messages", "__proto__", "constructor",
];

export function randomString(random: Random): string {
  switch (random.int(5)) {
    case 0:
      return random.pick(STRINGS);
    case 1:
      return Array.from({ length: random.int(40) }, () => String.fromCodePoint(0x20 + random.int(0x2fff))).join("");
    case 2:
      return random.pick(STRINGS).repeat(1 + random.int(50));
    case 3:
      return "x".repeat(random.int(20_000));
    default:
      return Array.from({ length: 1 + random.int(12) }, () => random.pick("abcdefghijklmnopqrstuvwxyz0123456789-_.@".split(""))).join("");
  }
}

export function randomValue(random: Random, depth = 0): unknown {
  const kinds = depth > 3 ? 6 : 8;
  switch (random.int(kinds)) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, -0, 42]);
    case 3:
    case 4:
      return randomString(random);
    case 5:
      return {};
    case 6:
      return Array.from({ length: random.int(5) }, () => randomValue(random, depth + 1));
    default:
      return randomObject(random, depth + 1);
  }
}

export function randomObject(random: Random, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0, n = random.int(6); i < n; i++) {
    const key = random.next() < 0.8 ? random.pick(FIELDS) : randomString(random).slice(0, 30);
    object[key] = randomValue(random, depth);
  }
  return object;
}

/** Replaces or deletes one value somewhere inside a valid payload: the wrongly-typed near miss. */
export function mutate(random: Random, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, index) => (containers.push({ parent: node, key: index }), walk(child)));
    else if (node && typeof node === "object")
      for (const [key, child] of Object.entries(node)) containers.push({ parent: node as Record<string, unknown>, key }), walk(child);
  };
  walk(copy);
  if (containers.length === 0) return randomValue(random);
  for (let i = 0, n = 1 + random.int(3); i < n; i++) {
    const { parent, key } = random.pick(containers);
    if (random.next() < 0.25 && !Array.isArray(parent)) delete parent[key as string];
    else (parent as Record<string | number, unknown>)[key] = randomValue(random);
  }
  return copy;
}

/** A bad body of a random kind; `valid` is a well-formed example to mutate and truncate. */
export function badBody(random: Random, valid: unknown): FuzzBody {
  const json = "application/json";
  const validText = JSON.stringify(valid);
  switch (random.int(9)) {
    case 0:
      return { kind: "truncated", body: validText.slice(0, random.int(validText.length)), contentType: json };
    case 1:
      return { kind: "mutated", body: JSON.stringify(mutate(random, valid)), contentType: json };
    case 2:
      return { kind: "random-json", body: JSON.stringify(randomValue(random)), contentType: json };
    case 3:
      return { kind: "random-object", body: JSON.stringify(randomObject(random)), contentType: json };
    case 4:
      return { kind: "bytes", body: new Uint8Array(Array.from({ length: random.int(2048) }, () => random.int(256))), contentType: json };
    case 5:
      return { kind: "empty", body: "", contentType: random.pick([json, "text/plain", "application/x-www-form-urlencoded"]) };
    case 6:
      return { kind: "deep", body: "[".repeat(5000) + "]".repeat(random.int(5001)), contentType: json };
    case 7:
      return { kind: "wrong-content-type", body: validText, contentType: random.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) };
    default:
      return { kind: "not-json", body: random.pick(["{", "}", "nul", "{'a':1}", "{\"a\":}", "\uFEFF{}", "a=1&b=2", "<xml/>"]), contentType: json };
  }
}

/** Bodies just over the 1 MB limit, valid JSON so only the size is wrong. */
export function oversizedBody(): string {
  return JSON.stringify({ object: "instagram", entry: [], padding: "x".repeat(1_100_000) });
}

/** Ids that must come back 4xx, not 5xx, from any `[id]` segment. */
export function hostileId(random: Random): string {
  return random.pick([
    "cm0000000000000000000nope",
    "x",
    "0",
    "-1",
    "null",
    "undefined",
    "' OR '1'='1",
    "../../etc/passwd",
    "%",
    "a".repeat(5000),
    "💥",
    "מזהה",
    randomString(random).slice(0, 200) || "empty",
  ]);
}

/** A query string of plausible names with hostile values. */
export function hostileQuery(random: Random): string {
  const params = new URLSearchParams();
  for (const key of ["q", "cursor", "limit", "channel", "filter", "sync", "status"]) {
    if (random.next() < 0.5) params.set(key, randomString(random).slice(0, random.next() < 0.2 ? 5000 : 200));
  }
  return params.toString();
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inPool<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
