/**
 * One line about a logged webhook delivery for the events page: who it came from and what kind of
 * event it is ("+351 912 345 678 (Ana) · text", "6543… · reaction"). Read defensively from the raw
 * body, which may be anything a caller posted, so it never throws; unknown parts are left out.
 */
export interface DeliverySummary {
  sender: string | null;
  type: string | null;
}

type Loose = Record<string, unknown> | undefined;

const at = (value: unknown, key: string | number): unknown =>
  value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

const INSTAGRAM_KINDS = ["message_edit", "reaction", "read", "postback", "referral", "message"] as const;

export function describeDelivery(rawBody: string): DeliverySummary {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { sender: null, type: null };
  }
  const entry = at(at(body, "entry"), 0);
  const change = at(at(entry, "changes"), 0);
  if (change) {
    const value = at(change, "value");
    const message = at(at(value, "messages"), 0);
    const status = at(at(value, "statuses"), 0);
    const name = text(at(at(at(at(value, "contacts"), 0), "profile"), "name"));
    if (message) {
      const from = text(at(message, "from"));
      return { sender: from ? `+${from}${name ? ` (${name})` : ""}` : name, type: text(at(message, "type")) };
    }
    if (status) {
      const to = text(at(status, "recipient_id"));
      return { sender: to && `+${to}`, type: `status: ${text(at(status, "status")) ?? "?"}` };
    }
    return { sender: null, type: text(at(change, "field")) };
  }
  const messaging = at(at(entry, "messaging"), 0) as Loose;
  if (!messaging) return { sender: null, type: null };
  const kind = INSTAGRAM_KINDS.find((key) => messaging[key] !== undefined) ?? null;
  const echo = kind === "message" && at(messaging.message, "is_echo") === true;
  return { sender: text(at(messaging.sender, "id")), type: echo ? "echo" : kind };
}
