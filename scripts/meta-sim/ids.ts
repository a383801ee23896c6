// Ids shaped like Meta's, so code that logs, stores or pattern-checks them sees realistic values.
// Unique ids mix a process-wide counter with randomness: tests fire hundreds per millisecond and
// several simulator processes can run at once.
import { createHash, randomBytes } from "node:crypto";

let counter = 0;

function uniqueDigits(): string {
  counter += 1;
  return `${Date.now()}${String(counter).padStart(6, "0")}${randomBytes(4).readUInt32BE(0)}`;
}

/** An Instagram message id (`mid`): Meta's ids are base64 of an internal "ig message" key. */
export function newInstagramMid(accountId = "17841400000000001"): string {
  return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj${Buffer.from(`${accountId}:${uniqueDigits()}`).toString("base64url")}`;
}

/** A WhatsApp message id: "wamid." + base64 of a small binary record that embeds the customer's number. */
export function newWamid(phone = "351912345678"): string {
  const tail = randomBytes(10).toString("hex").toUpperCase();
  counter += 1;
  const key = `${tail}${counter.toString(16).toUpperCase().padStart(6, "0")}`;
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, phone.length]),
    Buffer.from(phone),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, key.length]),
    Buffer.from(key),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString("base64")}`;
}

/** A numeric id of the given length (Graph object ids: media, conversations, stories). */
export function newNumericId(length = 16): string {
  counter += 1;
  const random = Array.from(randomBytes(length), (byte) => byte % 10).join("");
  return `1${random}`.slice(0, length - 6) + String(counter % 1_000_000).padStart(6, "0");
}

function hashDigits(seed: string, length: number): string {
  const hash = createHash("sha256").update(seed).digest();
  let digits = "";
  for (const byte of hash) digits += String(byte % 10);
  return digits.slice(0, length);
}

/** A stable Instagram-scoped user id (16 digits) for a friendly name, so "ana" is always the same customer. */
export function igsidFor(name: string): string {
  const digits = hashDigits(`igsid:${name.toLowerCase()}`, 16);
  return `${digits[0] === "0" ? "9" : digits[0]}${digits.slice(1)}`;
}

/** A stable Portuguese mobile number (wa_id form, no "+") for a friendly name. */
export function waIdFor(name: string): string {
  return `35191${hashDigits(`wa:${name.toLowerCase()}`, 7)}`;
}

/** A stable WhatsApp business-scoped user id for a simulated customer name ("PT.1502…"). */
export function bsuidFor(name: string): string {
  return `PT.${hashDigits(`bsuid:${name.toLowerCase()}`, 16)}`;
}

/** "ana.costa" / "ana costa" / "ana_costa" → "Ana Costa". */
export function displayNameFor(name: string): string {
  return name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1).toLowerCase())
    .join(" ");
}
