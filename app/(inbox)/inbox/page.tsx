import type { Metadata } from "next";
import { InboxApp } from "@/components/inbox/inbox-app";
import { listTeam } from "@/lib/inbox/list-team";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import type { InboxFallback } from "@/lib/inbox/api-types";
import { getConversation } from "@/lib/inbox/get-conversation";
import { hasConfiguredChannel } from "@/lib/inbox/has-configured-channel";
import { parseInboxUrl } from "@/lib/inbox/inbox-url";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listMessages } from "@/lib/inbox/list-messages";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { requirePageUser } from "@/lib/require-page-user";
import { CONVERSATIONS_PAGE_SIZE, MESSAGES_PAGE_SIZE } from "@/lib/swr/inbox-keys";
import { loadSlaSettings } from "@/lib/speed-to-lead/sla-settings";

export const metadata: Metadata = { title: "Inbox" };

/** The first screen, rendered on the server from the URL: list page and open thread (channel warnings come from the layout). */
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const state = parseInboxUrl(await searchParams);
  const opened = state.conversationId ? await openConversation(state.conversationId, user) : null;
  const [conversations, configured, team, sla] = await Promise.all([
    listConversations({ channel: state.channel, filter: state.filter, sort: state.sort ?? "recent", q: state.q || undefined, label: state.label ?? undefined, limit: CONVERSATIONS_PAGE_SIZE }, user),
    hasConfiguredChannel(),
    user.role === "ADMIN" ? listTeam() : null,
    loadSlaSettings(),
  ]);
  // An admin's empty inbox (just after setup) guides them through the first steps; the client
  // shows it while the Open view of all channels has nothing in it.
  const welcome = team ? { channelConnected: configured, teamSize: team.length } : null;
  // Dates become ISO strings exactly as the JSON API sends them, so the client cache holds one shape.
  const fallback = JSON.parse(JSON.stringify({ conversations, ...(opened ?? { conversation: null, messages: null }) })) as InboxFallback;
  return (
    <div className="flex h-full flex-col">
      <InboxApp
        me={{ id: user.id, name: user.name }}
        initial={{ ...state, conversationId: opened ? state.conversationId : null }}
        fallback={fallback}
        noChannels={!configured && conversations.conversations.length === 0}
        welcome={welcome}
        slaClock={{ targetMinutes: sla.targetMinutes, hours: sla.hours }}
      />
    </div>
  );
}

/** An unknown (or, for an agent, another rep's) id just opens nothing. Reading it is the browser's job (InboxApp), not the render's. */
async function openConversation(id: string, user: SessionUser) {
  try {
    await assertConversationVisible(user, id);
    const [{ conversation }, messages] = await Promise.all([getConversation(id), listMessages(id, { limit: MESSAGES_PAGE_SIZE })]);
    return { conversation, messages };
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
