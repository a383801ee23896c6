import { ApiError } from "@/lib/api/errors";
import { getChannel } from "@/lib/channels/registry";
import { requireChannel } from "@/lib/inbox/require-channel";
import {
  CHANNEL_KEYS,
  type ChannelAdapter,
  type ChannelCredentials,
  type ChannelKey,
  type RemoteConversation,
  type RemoteMessage,
} from "@/lib/channels/types";
import { db } from "@/lib/db";
import { isBlocked } from "@/lib/inbox/blocklist";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isDuplicateMessage, transactionRetryingRaces } from "@/lib/inbox/transactions";
import { receivedMessageData, touchThread, upsertThread } from "@/lib/inbox/ingest/thread";
import { upstreamError } from "@/lib/inbox/upstream-error";
import { eventBus } from "@/lib/realtime/bus";
import { pendingMediaRows } from "@/lib/media/downloadable-attachments";
import { kickMediaWorker } from "@/lib/media/media-worker";
import { loadAccountCredentials, loadChannelAccounts } from "@/lib/settings/channel-credentials";
import type { SyncRequest } from "@/lib/validations/sync";

/**
 * Backfill from Meta's Conversations API: history from before the webhook was connected, or
 * deliveries missed while we were down. Merged by the same dedupe key as webhooks (channel +
 * Meta message id), so syncing twice, or syncing what a webhook already stored, adds nothing.
 * Backfilled messages are history: they don't raise the unread count.
 */

export interface SyncReport {
  conversations: number;
  messagesAdded: number;
}

/** Every remote conversation of every account of a channel. */
export async function syncConversations(key: ChannelKey, options: { limit?: number } = {}): Promise<SyncReport> {
  const accounts = await loadChannelAccounts(key);
  return syncFromRemote(getChannel(key), accounts.map((account) => account.creds), { limit: options.limit ?? 50 });
}

/** One conversation's messages. */
export async function syncConversation(conversationId: string): Promise<SyncReport> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { channel: true, businessAccountId: true, contact: { select: { externalId: true } } },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const adapter = requireChannel(conversation.channel);
  const creds = await loadAccountCredentials(adapter.key, conversation.businessAccountId);
  return syncFromRemote(adapter, creds ? [creds] : [], { participantId: conversation.contact.externalId });
}

async function syncFromRemote(
  adapter: ChannelAdapter,
  accounts: ChannelCredentials[],
  options: { participantId?: string; limit?: number },
): Promise<SyncReport> {
  if (accounts.length === 0) {
    throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: `${adapter.label} is not connected. An admin can connect it in Settings.` });
  }
  const total: SyncReport = { conversations: 0, messagesAdded: 0 };
  for (const creds of accounts) {
    const report = await syncAccount(adapter, creds, options);
    total.conversations += report.conversations;
    total.messagesAdded += report.messagesAdded;
  }
  return total;
}

async function syncAccount(
  adapter: ChannelAdapter,
  creds: ChannelCredentials,
  options: { participantId?: string; limit?: number },
): Promise<SyncReport> {
  let remote: RemoteConversation[];
  try {
    remote = await adapter.listConversations(creds, options);
  } catch (error) {
    throw upstreamError(error, `${adapter.label} conversations could not be loaded. Try again in a moment.`);
  }
  let messagesAdded = 0;
  for (const conversation of remote) {
    if (await isBlocked(adapter.dbChannel, conversation.participant.id)) continue;
    const { conversationId, added } = await mergeConversation(adapter, creds.accountId, conversation);
    messagesAdded += added;
    if (added > 0) {
      await eventBus.publish({ type: "conversation.updated", conversationId, channel: adapter.key });
      kickMediaWorker();
    }
  }
  return { conversations: remote.length, messagesAdded };
}

async function mergeConversation(adapter: ChannelAdapter, businessAccountId: string, remote: RemoteConversation) {
  const thread = await transactionRetryingRaces(async (tx) => {
    const found = await upsertThread(tx, adapter, { businessAccountId, participant: remote.participant });
    await tx.conversation.updateMany({
      where: { id: found.conversationId, externalId: null },
      data: { externalId: remote.externalId },
    });
    return found;
  });
  let added = 0;
  // Oldest first, so the newest message ends up as the preview.
  const messages = [...remote.messages].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  for (const message of messages) {
    try {
      const inserted = await transactionRetryingRaces((tx) => insertIfNew(tx, adapter, thread, message));
      if (inserted) added++;
    } catch (error) {
      if (!isDuplicateMessage(error)) throw error;
    }
  }
  return { conversationId: thread.conversationId, added };
}

async function insertIfNew(
  tx: Prisma.TransactionClient,
  adapter: ChannelAdapter,
  thread: { conversationId: string; contactId: string; leadId: string },
  message: RemoteMessage,
): Promise<boolean> {
  const existing = await tx.message.findUnique({
    where: { channel_externalId: { channel: adapter.dbChannel, externalId: message.externalId } },
    select: { id: true },
  });
  if (existing) return false;
  const created = await tx.message.create({ data: receivedMessageData(thread.conversationId, adapter, message), select: { id: true } });
  // Synced history's media expires like a webhook's: queue it the same way.
  const media = pendingMediaRows(created.id, message.attachments);
  if (media.length > 0) await tx.mediaFile.createMany({ data: media });
  await touchThread(tx, adapter, thread, { ...message, at: message.timestamp }, { countsAsUnread: false });
  return true;
}

/**
 * `POST /api/inbox/sync`: backfills one conversation, one channel, or every configured channel.
 * A backfill pages through Meta's API and writes a lot, so one channel runs one at a time in this
 * instance: a second request while one runs is refused (409), not queued behind it.
 */
export async function runSync(request: SyncRequest): Promise<SyncReport> {
  if (request.conversationId) {
    const conversation = await db.conversation.findUnique({ where: { id: request.conversationId }, select: { channel: true } });
    if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
    const key = requireChannel(conversation.channel).key;
    return oneAtATime([key], () => syncConversation(request.conversationId!));
  }
  const keys = request.channel ? [request.channel] : await configuredChannels();
  return oneAtATime(keys, async () => {
    const total: SyncReport = { conversations: 0, messagesAdded: 0 };
    for (const key of keys) {
      const report = await syncConversations(key);
      total.conversations += report.conversations;
      total.messagesAdded += report.messagesAdded;
    }
    return total;
  });
}

const running = new Set<ChannelKey>();

async function oneAtATime(keys: ChannelKey[], work: () => Promise<SyncReport>): Promise<SyncReport> {
  const busy = keys.find((key) => running.has(key));
  if (busy) {
    throw new ApiError({ code: "CONFLICT", message: `A ${getChannel(busy).label} backfill is already running. Try again when it has finished.` });
  }
  for (const key of keys) running.add(key);
  try {
    return await work();
  } finally {
    for (const key of keys) running.delete(key);
  }
}

async function configuredChannels(): Promise<ChannelKey[]> {
  const keys: ChannelKey[] = [];
  // Any account counts: a team may have connected only a second Instagram account.
  for (const key of CHANNEL_KEYS) if ((await loadChannelAccounts(key)).length > 0) keys.push(key);
  return keys;
}
