"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SWRConfig } from "swr";
import { unstable_serialize } from "swr/infinite";
import type { ConversationItemJson, InboxFallback } from "@/lib/inbox/api-types";
import { contactName } from "@/lib/inbox/format";
import type { InboxUrlState } from "@/lib/inbox/inbox-url";
import type { InboxEvent } from "@/lib/realtime/types";
import { requestJson } from "@/lib/swr/fetcher";
import { conversationKey } from "@/lib/swr/inbox-keys";
import { conversationsGetKey, useConversations } from "@/lib/swr/use-conversations";
import { useConversationMutations } from "@/lib/swr/use-conversation-mutations";
import { useInboxEvents } from "@/lib/swr/use-inbox-events";
import { currentInboxUrl, useInboxUrl } from "@/lib/swr/use-inbox-url";
import { messagesGetKey } from "@/lib/swr/use-messages";
import { ContactPanel, type ContactPanelActions } from "./contact-panel";
import { ConversationList } from "./conversation-list";
import { GettingStarted, NoChannels, NoConversationOpen, type Welcome } from "./empty-states";
import { Thread } from "./thread";
import { ToastBar } from "./toast-bar";
import { useInboxKeyboard } from "./use-inbox-keyboard";
import { useToast } from "./use-toast";

interface Me {
  id: string;
  name: string;
}

/**
 * The inbox's client root. The server page's first screen seeds SWR's cache under the exact keys
 * the hooks ask for, so nothing is fetched twice on load; from then on SWR and the live stream
 * own the data.
 */
export function InboxApp({ me, initial, fallback, noChannels, welcome }: { me: Me; initial: InboxUrlState; fallback: InboxFallback; noChannels: boolean; welcome: Welcome | null }) {
  const seeded = useMemo(() => {
    const entries: Record<string, unknown> = {
      [unstable_serialize(conversationsGetKey(initial))]: [fallback.conversations],
    };
    if (initial.conversationId && fallback.conversation && fallback.messages) {
      entries[conversationKey(initial.conversationId)] = { conversation: fallback.conversation };
      entries[unstable_serialize(messagesGetKey(initial.conversationId))] = [fallback.messages];
    }
    return entries;
  }, [initial, fallback]);
  return (
    <SWRConfig value={{ fallback: seeded, revalidateIfStale: false }}>
      <Inbox me={me} noChannels={noChannels} welcome={welcome} />
    </SWRConfig>
  );
}

/** How long a thread opened with j/k stays on screen before it counts as read. */
const READ_AFTER_MS = 1500;

function Inbox({ me, noChannels, welcome }: { me: Me; noChannels: boolean; welcome: Welcome | null }) {
  const { state, navigate } = useInboxUrl();
  const list = useConversations(state);
  const { conversations } = list;
  const mutations = useConversationMutations(list.mutate);
  const { markRead } = mutations;
  const [detailsOpen, setDetailsOpen] = useState(false);
  const closeDetails = useCallback(() => setDetailsOpen(false), []);
  const { toast, showToast, dismissToast } = useToast();

  // Passing through with j/k is not reading: the conversation is read for the team only once its
  // thread has stayed on screen for a moment. A click is a decision to read, and reads at once.
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(readTimer.current), []);
  // A conversation opened by URL (a link, a reload) is read once the browser shows it: the server's
  // render has no side effects, so a prefetch or a crawler marks nothing read.
  const openedByUrl = useRef(state.conversationId);
  useEffect(() => {
    const id = openedByUrl.current;
    openedByUrl.current = null;
    if (id) void markRead(id);
  }, [markRead]);

  const open = useCallback(
    (conversation: ConversationItemJson, how: "click" | "browse" = "click") => {
      clearTimeout(readTimer.current);
      navigate({ conversationId: conversation.id });
      if (conversation.unreadCount === 0) return;
      if (how === "click") return void markRead(conversation.id);
      readTimer.current = setTimeout(() => {
        if (currentInboxUrl().conversationId === conversation.id) void markRead(conversation.id);
      }, READ_AFTER_MS);
    },
    [navigate, markRead],
  );

  const markUnread = useCallback(
    async (id: string) => {
      clearTimeout(readTimer.current);
      try {
        await mutations.markUnread(id);
      } catch (error) {
        return showToast(error instanceof Error ? error.message : "Couldn't mark it unread");
      }
      // Back to the list, so the open thread doesn't read it again at once.
      navigate({ conversationId: null });
      await mutations.refreshList();
      showToast("Marked as unread");
    },
    [mutations, navigate, showToast],
  );

  /** After archiving: the next conversation down the list (or up, at its end), as Front does. */
  const openNeighbour = useCallback(
    (id: string) => {
      const index = conversations.findIndex((conversation) => conversation.id === id);
      const next = index === -1 ? undefined : (conversations[index + 1] ?? conversations[index - 1]);
      if (next) open(next, "browse");
      else navigate({ conversationId: null });
    },
    [conversations, open, navigate],
  );

  // A message landing in the conversation on screen is read by whoever is looking at it.
  const onEvent = useCallback((event: InboxEvent) => {
    if (event.type === "message.created" && event.conversationId === currentInboxUrl().conversationId && document.visibilityState === "visible") {
      void requestJson(`/api/inbox/conversations/${event.conversationId}/read`, { method: "POST" }).catch(() => undefined);
    }
  }, []);
  const { live } = useInboxEvents(onEvent);

  const actions: ContactPanelActions = useMemo(
    () => ({
      update: async (id, body) => {
        try {
          await mutations.update(id, body);
          if (body.status === "ARCHIVED") {
            if (currentInboxUrl().filter !== "archived") openNeighbour(id);
            showToast("Conversation archived", {
              label: "Undo",
              run: async () => {
                await mutations.update(id, { status: "OPEN" });
                navigate({ conversationId: id });
              },
            });
          }
        } catch (error) {
          showToast(error instanceof Error ? error.message : "Couldn't save that change");
        }
      },
      block: async (conversation) => {
        await mutations.block(conversation.id);
        navigate({ conversationId: null });
        setDetailsOpen(false);
        showToast(`Blocked ${contactName(conversation.contact)}. Their messages won't reach the inbox.`, {
          label: "Undo",
          run: async () => {
            await mutations.unblock(conversation.id);
            navigate({ conversationId: conversation.id });
          },
        });
      },
      unblock: async (conversation) => {
        await mutations.unblock(conversation.id);
      },
    }),
    [mutations, navigate, showToast, openNeighbour],
  );

  useInboxKeyboard({ state, conversations, navigate, open, markUnread, closeDetails, detailsOpen });

  const conversationId = state.conversationId;
  return (
    <div className="flex min-h-0 flex-1" data-live={live ? "true" : "false"} data-testid="inbox">
      <section aria-label="Conversation list"
        className={`min-h-0 w-full shrink-0 flex-col border-r border-slate-200 bg-white md:flex md:w-80 lg:w-[22rem] ${conversationId ? "hidden" : "flex"}`}>
        <ConversationList
          state={state}
          conversations={conversations}
          unreadCounts={list.unreadCounts}
          loading={list.isLoading}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          error={list.error ? list.error.message : null}
          onNavigate={navigate}
          onOpen={open}
          onLoadMore={() => void list.setSize(list.size + 1)}
        />
        <p className="shrink-0 border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500" aria-live="polite" data-testid="live-status">
          <span className={`mr-1.5 inline-block h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-slate-300"}`} />
          {live ? "Live" : "Connecting…"}
        </p>
      </section>
      <main className={`min-h-0 min-w-0 flex-1 flex-col bg-slate-50 md:flex ${conversationId ? "flex" : "hidden"}`}>
        {conversationId ? (
          <Thread key={conversationId} conversationId={conversationId} me={me}
            onBack={() => navigate({ conversationId: null })} onToggleDetails={() => setDetailsOpen((value) => !value)}
            onMarkUnread={() => void markUnread(conversationId)} />
        ) : welcome && !list.isLoading && conversations.length === 0 && !state.q && state.filter === "open" && state.channel === "all" ? (
          <GettingStarted welcome={welcome} />
        ) : noChannels ? (
          <NoChannels />
        ) : (
          <NoConversationOpen />
        )}
      </main>
      {conversationId ? (
        <aside aria-label="Contact and lead"
          className={`min-h-0 w-full flex-col border-l border-slate-200 bg-white xl:static xl:flex xl:w-[19rem] ${detailsOpen ? "fixed inset-y-0 right-0 z-20 flex max-w-sm shadow-xl" : "hidden"}`}>
          <ContactPanel conversationId={conversationId} actions={actions} onClose={closeDetails} />
        </aside>
      ) : null}
      <ToastBar toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
