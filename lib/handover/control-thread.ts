import { ApiError } from "@/lib/api/errors";
import type { ThreadControlAction } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { requireChannel } from "@/lib/inbox/require-channel";
import { upstreamError } from "@/lib/inbox/upstream-error";
import { eventBus } from "@/lib/realtime/bus";
import { loadAccountCredentials } from "@/lib/settings/channel-credentials";
import { laterOf } from "./later-of";

export interface ThreadControlState {
  threadHeldSince: Date | null;
  threadRequestedAt: Date | null;
}

const METADATA: Record<ThreadControlAction, (name: string) => string> = {
  take: (name) => `Taken over by ${name} in the team inbox`,
  request: (name) => `${name} asks to take this conversation over in the team inbox`,
  pass: (name) => `Handed back by ${name} from the team inbox`,
};

/**
 * An agent takes a thread from the app that holds it (a chatbot), asks that app for it, or hands it
 * back. Meta is asked first; only its success changes what we record:
 * - take: we hold it; the customer's standby messages now open our messaging window.
 * - request: a pending request shows until the app passes it (a messaging_handovers webhook).
 * - pass: the app we took it from (or the account's default app) holds it again.
 * Meta's refusal comes back as THREAD_CONTROL_DENIED (502) with a message staff can act on.
 */
export async function controlThread(input: { conversationId: string; action: ThreadControlAction; userName: string }): Promise<ThreadControlState> {
  const conversation = await db.conversation.findUnique({
    where: { id: input.conversationId },
    select: {
      id: true,
      channel: true,
      businessAccountId: true,
      threadHolderAppId: true,
      threadHeldSince: true,
      lastInboundAt: true,
      standbyInboundAt: true,
      contact: { select: { externalId: true } },
    },
  });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const adapter = requireChannel(conversation.channel);
  if (!adapter.threadControl) {
    throw new ApiError({ code: "NOT_SUPPORTED", status: 422, message: `${adapter.label} has no handover between apps.` });
  }
  if (input.action !== "pass" && !conversation.threadHeldSince) {
    throw new ApiError({ code: "CONFLICT", message: "We already hold this conversation." });
  }
  const creds = await loadAccountCredentials(adapter.key, conversation.businessAccountId);
  if (!creds) throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: `${adapter.label} is not connected. An admin can connect it in Settings.` });

  try {
    await adapter.threadControl(creds, input.action, {
      to: conversation.contact.externalId,
      targetAppId: conversation.threadHolderAppId ?? undefined,
      metadata: METADATA[input.action](input.userName),
    });
  } catch (error) {
    throw upstreamError(error, `${adapter.label} could not change who handles this conversation. Try again.`);
  }

  const now = new Date();
  const data =
    input.action === "take"
      ? { threadHeldSince: null, threadRequestedAt: null, lastInboundAt: laterOf(conversation.lastInboundAt, conversation.standbyInboundAt) }
      : input.action === "request"
        ? { threadRequestedAt: now }
        : { threadHeldSince: now, threadRequestedAt: null };
  const updated = await db.conversation.update({
    where: { id: conversation.id },
    data,
    select: { threadHeldSince: true, threadRequestedAt: true },
  });
  await eventBus.publish({ type: "conversation.updated", conversationId: conversation.id, channel: adapter.key });
  return updated;
}
