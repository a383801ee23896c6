import type { ChannelAdapter } from "@/lib/channels/types";
import { nothingChanged, type EventOf, type IngestResult } from "@/lib/inbox/ingest/types";
import { transactionRetryingRaces } from "@/lib/inbox/transactions";

/**
 * A WhatsApp customer changed their phone number or business-scoped user id (system messages
 * `user_changed_number` / `user_changed_user_id`): the contact we know by the old identity takes the
 * new one, so their next message lands in the same conversation instead of starting a new contact.
 * The contact keeps the externalId it was first known by; replies go to its current phone or BSUID.
 */
export async function ingestIdentityChange(adapter: ChannelAdapter, event: EventOf<"identity_changed">): Promise<IngestResult> {
  const { participant } = event;
  const oldPhone = participant.phone?.replace(/\D/g, "");
  return transactionRetryingRaces(async (tx) => {
    const contact = await tx.contact.findFirst({
      where: {
        channel: adapter.dbChannel,
        OR: [
          { externalId: participant.id },
          ...(participant.bsuid ? [{ bsuid: participant.bsuid }] : []),
          ...(oldPhone ? [{ whatsappId: oldPhone }] : []),
        ],
      },
      select: { id: true, bsuid: true, whatsappId: true, conversations: { select: { id: true } } },
    });
    // Someone we never heard from: their first message will create the contact under the new identity.
    if (!contact) return nothingChanged();
    // A BSUID already held by another contact (they wrote from the new identity before this notice
    // came) stays there: merging the two is a person's call (leads merge), not the ingest's.
    const bsuidTaken =
      event.newBsuid !== undefined &&
      (await tx.contact.count({ where: { channel: adapter.dbChannel, bsuid: event.newBsuid, id: { not: contact.id } } })) > 0;
    const data = {
      ...(event.newPhone && event.newPhone !== contact.whatsappId ? { whatsappId: event.newPhone } : {}),
      ...(event.newBsuid && !bsuidTaken && event.newBsuid !== contact.bsuid ? { bsuid: event.newBsuid } : {}),
    };
    if (Object.keys(data).length === 0) return nothingChanged("duplicate");
    await tx.contact.update({ where: { id: contact.id }, data });
    return {
      outcome: "stored",
      publish: contact.conversations.map(({ id }) => ({ type: "conversation.updated" as const, conversationId: id, channel: adapter.key })),
    };
  });
}
