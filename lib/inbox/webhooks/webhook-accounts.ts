import { verifySignature } from "@/lib/channels/meta/verify-signature";
import type { ChannelAccount } from "@/lib/settings/channel-credentials";

/**
 * Which connected accounts a webhook delivery may speak for. Several Instagram accounts (one through
 * Facebook Login, one through Instagram Login, each with its own Meta app) share one callback URL,
 * and each app signs with its own secret. A delivery is trusted for an account only when that
 * account's secret signed it: otherwise whoever holds one app's secret (a leaked one, or another
 * business sharing the install) could write into every other account's inbox.
 */

/** The accounts whose app secret produced this signature over these exact bytes (HMAC is cheap: every account is tried). */
export function signingAccounts(accounts: ChannelAccount[], raw: Uint8Array, signature: string | null): ChannelAccount[] {
  return accounts.filter((account) => verifySignature(raw, signature, account.creds.appSecret));
}

const idOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
const at = (value: unknown, key: string): unknown => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export interface WebhookRecipients {
  /** Every id ingest could file an item under: `entry[].id`, both sides of Instagram items, WhatsApp's phone number ids. */
  ids: string[];
  /** Some item names no account at all: ingest files it under the channel's first account (process-event.ts). */
  unaddressed: boolean;
}

/**
 * The business-side ids a (signed, parsed) delivery addresses, read as leniently as the parsers
 * read items (never throws, whatever the shape), so that nothing ingest may store is left out of
 * the signature check. Customers' ids come along on Instagram; no account claims them.
 */
export function webhookRecipientIds(payload: unknown): WebhookRecipients {
  const ids = new Set<string>();
  let unaddressed = false;
  const add = (id: string | undefined) => id !== undefined && ids.add(id);
  for (const entry of items(at(payload, "entry"))) {
    const entryId = idOf(at(entry, "id"));
    add(entryId);
    for (const item of items(at(entry, "messaging"))) {
      const sender = idOf(at(at(item, "sender"), "id"));
      const recipient = idOf(at(at(item, "recipient"), "id"));
      add(sender);
      add(recipient);
      if (!entryId && (!sender || !recipient)) unaddressed = true;
    }
    for (const change of items(at(entry, "changes"))) {
      const value = at(change, "value");
      const phoneNumberId = idOf(at(at(value, "metadata"), "phone_number_id"));
      add(phoneNumberId);
      if (!phoneNumberId && (at(value, "messages") !== undefined || at(value, "statuses") !== undefined)) unaddressed = true;
    }
  }
  return { ids: [...ids], unaddressed };
}

/** What a delivery speaks for: its ids, plus the channel's first account when some item names none (ingest files it there). */
export function addressedIds(accounts: ChannelAccount[], recipients: WebhookRecipients): string[] {
  return recipients.unaddressed && accounts[0] ? [...recipients.ids, ...accounts[0].recipientIds] : recipients.ids;
}

/**
 * Addressed ids that belong to a configured account which did not sign the delivery: any one of
 * them refuses the whole delivery. An id no account claims is left to the ingest as before.
 */
export function unsignedRecipients(accounts: ChannelAccount[], signers: ChannelAccount[], recipientIds: string[]): string[] {
  return recipientIds.filter(
    (id) => accounts.some((account) => account.recipientIds.includes(id)) && !signers.some((signer) => signer.recipientIds.includes(id)),
  );
}
