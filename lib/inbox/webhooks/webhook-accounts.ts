import { z } from "zod";
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

const routingSchema = z.object({
  entry: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]).optional(),
        // WhatsApp: the entry is the business account; the phone number id is in each change.
        changes: z.array(z.object({ value: z.object({ metadata: z.object({ phone_number_id: z.string() }).optional() }).optional() })).optional(),
      }),
    )
    .optional(),
});

/** The business-side ids a (signed, parsed) delivery addresses: `entry[].id` and WhatsApp's phone number ids. */
export function webhookRecipientIds(payload: unknown): string[] {
  const parsed = routingSchema.safeParse(payload);
  if (!parsed.success) return [];
  const ids = (parsed.data.entry ?? []).flatMap((entry) => [
    ...(entry.id === undefined ? [] : [String(entry.id)]),
    ...(entry.changes ?? []).flatMap((change) => (change.value?.metadata ? [change.value.metadata.phone_number_id] : [])),
  ]);
  return [...new Set(ids)];
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
