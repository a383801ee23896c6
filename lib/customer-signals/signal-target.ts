import { channelFromDb } from "@/lib/channels/registry";
import type { ChannelAdapter, ChannelCredentials, CustomerSignalTarget } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";

export interface SignalTarget {
  adapter: ChannelAdapter;
  creds: ChannelCredentials;
  target: CustomerSignalTarget;
}

/**
 * Where a read receipt or typing indicator for a conversation goes, or null when none should: the
 * channel is not connected, an admin turned "Seen and typing" off for the account, or another app
 * (a chatbot) holds the thread — the customer is talking to it, not to us.
 */
export async function loadSignalTarget(conversationId: string): Promise<SignalTarget | null> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      channel: true,
      businessAccountId: true,
      threadHeldSince: true,
      contact: { select: { externalId: true, whatsappId: true, bsuid: true } },
      messages: {
        where: { direction: "INBOUND", externalId: { not: null } },
        orderBy: [{ sentAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { externalId: true },
      },
    },
  });
  if (!conversation || conversation.threadHeldSince) return null;
  const adapter = channelFromDb(conversation.channel);
  if (!adapter) return null;
  const creds = await loadAccountCredentials(adapter.key, conversation.businessAccountId);
  if (!creds || creds.customerSignals === false) return null;
  const { contact } = conversation;
  return {
    adapter,
    creds,
    target: { to: contact.whatsappId ?? contact.bsuid ?? contact.externalId, lastInboundExternalId: conversation.messages[0]?.externalId ?? undefined },
  };
}
