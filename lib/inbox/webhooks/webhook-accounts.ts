import { z } from "zod";
import type { ChannelAccount } from "@/lib/settings/channel-credentials";

/**
 * Which connected account a webhook delivery is for. Several Instagram accounts (one through
 * Facebook Login, one through Instagram Login, each with its own Meta app) share one callback URL,
 * so the delivery names its account only inside the (not yet verified) body. That unsigned body is
 * trusted for one thing: picking which app secrets to check the signature with.
 */

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

/** The business-side ids a delivery addresses (`entry[].id`, WhatsApp's phone number ids); none when unreadable. */
export function webhookRecipientIds(rawBody: string): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return [];
  }
  const parsed = routingSchema.safeParse(payload);
  if (!parsed.success) return [];
  const ids = (parsed.data.entry ?? []).flatMap((entry) => [
    ...(entry.id === undefined ? [] : [String(entry.id)]),
    ...(entry.changes ?? []).flatMap((change) => (change.value?.metadata ? [change.value.metadata.phone_number_id] : [])),
  ]);
  return [...new Set(ids)];
}

/**
 * The accounts whose app secret may sign this delivery: those it addresses, or, when it addresses
 * none we know (a page id nobody saved, a payload without ids), every account of the channel.
 */
export function accountsToVerifyWith(accounts: ChannelAccount[], recipientIds: string[]): ChannelAccount[] {
  const addressed = accounts.filter((account) => account.recipientIds.some((id) => recipientIds.includes(id)));
  return addressed.length > 0 ? addressed : accounts;
}
