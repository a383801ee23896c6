import type { DbChannel } from "@/lib/channels/types";
import { db } from "@/lib/db";

/** Blocklisted people never reach the inbox: webhooks log and ignore them, syncs skip them. */
export async function isBlocked(channel: DbChannel, externalId: string): Promise<boolean> {
  const blocked = await db.blockedContact.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: { id: true },
  });
  return blocked !== null;
}
