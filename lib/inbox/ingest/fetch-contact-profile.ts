import { describeError } from "@/lib/describe-error";
import type { ChannelAdapter, ChannelCredentials } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/realtime/bus";

/**
 * Name, username and avatar for a contact we only know by id. Runs after the message is committed:
 * a failing profile call never costs a message. On failure `profileFetchedAt` stays null, so the
 * contact's next message (or a sync) tries again.
 */
export async function fetchContactProfile(
  adapter: ChannelAdapter,
  creds: ChannelCredentials | null,
  target: { contactId: string; conversationId: string; participantId: string },
): Promise<boolean> {
  if (!creds) return false;
  try {
    const profile = await adapter.fetchProfile(creds, target.participantId);
    if (!profile) return false;
    await db.contact.update({
      where: { id: target.contactId },
      data: {
        displayName: profile.name ?? profile.username ?? null,
        instagramUsername: profile.username ?? null,
        avatarUrl: profile.avatarUrl ?? null,
        profileFetchedAt: new Date(),
      },
    });
    await eventBus.publish({ type: "conversation.updated", conversationId: target.conversationId, channel: adapter.key });
    return true;
  } catch (error) {
    console.warn(`[ingest] ${adapter.key} profile fetch failed, will retry later: ${describeError(error)}`);
    return false;
  }
}

