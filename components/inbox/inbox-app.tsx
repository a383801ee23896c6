"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SWRConfig, useSWRConfig } from "swr";
import { unstable_serialize } from "swr/infinite";
import type { ConversationDetailJson, ConversationItemJson, ConversationPageJson, InboxFallback } from "@/lib/inbox/api-types";
import { contactName } from "@/lib/inbox/format";
import { inboxHref, parseInboxUrl, type InboxUrlState } from "@/lib/inbox/inbox-url";
import type { InboxEvent } from "@/lib/realtime/types";
import { requestJson } from "@/lib/swr/fetcher";
import { conversationKey } from "@/lib/swr/inbox-keys";
import { conversationsGetKey, useConversations } from "@/lib/swr/use-conversations";
import { useInboxEvents } from "@/lib/swr/use-inbox-events";
import { isTyping } from "./is-typing";
import { messagesGetKey } from "@/lib/swr/use-messages";
import type { UpdateConversationInput } from "@/lib/validations/conversation";
import { ContactPanel, type ContactPanelActions } from "./contact-panel";
import { ConversationList } from "./conversation-list";
import { GettingStarted, NoChannels, NoConversationOpen, type Welcome } from "./empty-states";
import { Thread } from "./thread";

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

interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => Promise<void> };
}

function Inbox({ me, noChannels, welcome }: { me: Me; noChannels: boolean; welcome: Welcome | null }) {
  const searchParams = useSearchParams();
  const state = parseInboxUrl(searchParams);
  const stateRef = useRef(state);
  stateRef.current = state;
  const { mutate } = useSWRConfig();
  const list = useConversations(state);
  const listRef = useRef(list);
  listRef.current = list;
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);

  // URL changes go through the History API: Next keeps useSearchParams in sync without a server round trip.
  const navigate = useCallback((next: Partial<InboxUrlState>, mode: "push" | "replace" = "push") => {
    const href = inboxHref({ ...stateRef.current, ...next });
    if (mode === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  }, []);

  const showToast = useCallback((text: string, action?: Toast["action"]) => setToast({ id: Date.now(), text, action }), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 7000);
    return () => clearTimeout(timer);
  }, [toast]);

  const markRead = useCallback(async (id: string) => {
    const item = listRef.current.conversations.find((conversation) => conversation.id === id);
    if (item && item.unreadCount > 0) {
      const tab = item.channel === "WHATSAPP" ? "whatsapp" : "instagram";
      await listRef.current.mutate(
        (pages) =>
          pages?.map((page) => ({
            ...page,
            conversations: page.conversations.map((c) => (c.id === id ? { ...c, unreadCount: 0 } : c)),
            unreadCounts: page.unreadCounts && {
              ...page.unreadCounts,
              all: Math.max(0, page.unreadCounts.all - 1),
              [tab]: Math.max(0, page.unreadCounts[tab] - 1),
            },
          })) as ConversationPageJson[],
        { revalidate: false },
      );
    }
    await requestJson(`/api/inbox/conversations/${id}/read`, { method: "POST" }).catch(() => undefined);
    // The server's word once the read is committed, as `patch` below does after its change: a list
    // fetch in flight when the badge was cleared put it back, and in those runs no list fetch
    // followed the read's live event (e2e inbox-salesperson, about one run in five).
    await listRef.current.mutate();
  }, []);

  // Passing through with j/k is not reading: the conversation is read for the team only once its
  // thread has stayed on screen for a moment. A click is a decision to read, and reads at once.
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A conversation opened by URL (a link, a reload) is read once the browser shows it: the server's
  // render has no side effects, so a prefetch or a crawler marks nothing read.
  const openedByUrl = useRef(state.conversationId);
  useEffect(() => {
    if (openedByUrl.current) void markRead(openedByUrl.current);
  }, [markRead]);

  const open = useCallback(
    (conversation: ConversationItemJson, how: "click" | "browse" = "click") => {
      clearTimeout(readTimer.current);
      navigate({ conversationId: conversation.id });
      if (conversation.unreadCount === 0) return;
      if (how === "click") return void markRead(conversation.id);
      readTimer.current = setTimeout(() => {
        if (stateRef.current.conversationId === conversation.id) void markRead(conversation.id);
      }, READ_AFTER_MS);
    },
    [navigate, markRead],
  );
  useEffect(() => () => clearTimeout(readTimer.current), []);

  const markUnread = useCallback(
    async (id: string) => {
      clearTimeout(readTimer.current);
      try {
        await requestJson(`/api/inbox/conversations/${id}/unread`, { method: "POST" });
      } catch (error) {
        return showToast(error instanceof Error ? error.message : "Couldn't mark it unread");
      }
      // Back to the list, so the open thread doesn't read it again at once.
      navigate({ conversationId: null });
      await listRef.current.mutate();
      showToast("Marked as unread");
    },
    [navigate, showToast],
  );

  /** After archiving: the next conversation down the list (or up, at its end), as Front does. */
  const openNeighbour = useCallback(
    (id: string) => {
      const conversations = listRef.current.conversations;
      const index = conversations.findIndex((conversation) => conversation.id === id);
      const next = index === -1 ? undefined : (conversations[index + 1] ?? conversations[index - 1]);
      if (next) open(next, "browse");
      else navigate({ conversationId: null });
    },
    [open, navigate],
  );

  // A message landing in the conversation on screen is read by whoever is looking at it.
  const onEvent = useCallback(
    (event: InboxEvent) => {
      if (event.type === "message.created" && event.conversationId === stateRef.current.conversationId && document.visibilityState === "visible") {
        void requestJson(`/api/inbox/conversations/${event.conversationId}/read`, { method: "POST" }).catch(() => undefined);
      }
    },
    [],
  );
  const { live } = useInboxEvents(onEvent);

  const actions: ContactPanelActions = useMemo(() => {
    const patch = async (id: string, body: UpdateConversationInput) => {
      const data = await requestJson<{ conversation: ConversationDetailJson }>(`/api/inbox/conversations/${id}`, { method: "PATCH", body });
      await mutate(conversationKey(id), data, { revalidate: false });
      void listRef.current.mutate();
    };
    return {
      update: async (id, body) => {
        try {
          await patch(id, body);
          if (body.status === "ARCHIVED") {
            if (stateRef.current.filter !== "archived") openNeighbour(id);
            showToast("Conversation archived", {
              label: "Undo",
              run: async () => {
                await patch(id, { status: "OPEN" });
                navigate({ conversationId: id });
              },
            });
          }
        } catch (error) {
          showToast(error instanceof Error ? error.message : "Couldn't save that change");
        }
      },
      block: async (conversation) => {
        await requestJson(`/api/inbox/conversations/${conversation.id}/block`, { method: "POST" });
        navigate({ conversationId: null });
        setDetailsOpen(false);
        void listRef.current.mutate();
        showToast(`Blocked ${contactName(conversation.contact)}. Their messages won't reach the inbox.`, {
          label: "Undo",
          run: async () => {
            await requestJson(`/api/inbox/conversations/${conversation.id}/block`, { method: "DELETE" });
            await mutate(conversationKey(conversation.id));
            void listRef.current.mutate();
            navigate({ conversationId: conversation.id });
          },
        });
      },
      unblock: async (conversation) => {
        await requestJson(`/api/inbox/conversations/${conversation.id}/block`, { method: "DELETE" });
        await mutate(conversationKey(conversation.id));
        void listRef.current.mutate();
      },
    };
  }, [mutate, navigate, showToast, openNeighbour]);

  useKeyboard({ state, conversations: list.conversations, navigate, open, markUnread, closeDetails: () => setDetailsOpen(false), detailsOpen });

  const conversationId = state.conversationId;
  return (
    <div className="flex min-h-0 flex-1" data-live={live ? "true" : "false"} data-testid="inbox">
      <section aria-label="Conversation list"
        className={`min-h-0 w-full shrink-0 flex-col border-r border-slate-200 bg-white md:flex md:w-80 lg:w-[22rem] ${conversationId ? "hidden" : "flex"}`}>
        <ConversationList
          state={state}
          conversations={list.conversations}
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
        ) : welcome && !list.isLoading && list.conversations.length === 0 && !state.q && state.filter === "open" && state.channel === "all" ? (
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
          <ContactPanel conversationId={conversationId} actions={actions} onClose={() => setDetailsOpen(false)} />
        </aside>
      ) : null}
      {toast ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-30 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
          <span>{toast.text}</span>
          {toast.action ? (
            <button type="button" className="font-semibold text-brand-100 underline"
              onClick={async () => {
                const action = toast.action!;
                setToast(null);
                await action.run();
              }}>
              {toast.action.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** j/k or arrows move through the list, Enter opens (native link), Esc leaves the thread, "/" searches, u marks unread. */
function useKeyboard(input: {
  state: InboxUrlState;
  conversations: ConversationItemJson[];
  navigate: (next: Partial<InboxUrlState>) => void;
  open: (conversation: ConversationItemJson, how: "click" | "browse") => void;
  markUnread: (id: string) => Promise<void>;
  closeDetails: () => void;
  detailsOpen: boolean;
}) {
  const ref = useRef(input);
  ref.current = input;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { state, conversations, navigate, open, markUnread, closeDetails, detailsOpen } = ref.current;
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape") (event.target as HTMLElement).blur();
        return;
      }
      const focused = (event.target as HTMLElement).closest?.("[data-conversation-id]") as HTMLElement | null;
      const items = () => Array.from(document.querySelectorAll<HTMLElement>("[data-conversation-id]"));
      const down = event.key === "j" || event.key === "ArrowDown";
      const up = event.key === "k" || event.key === "ArrowUp";
      if (down || up) {
        if (focused) {
          const all = items();
          const next = all[all.indexOf(focused) + (down ? 1 : -1)];
          if (next) {
            event.preventDefault();
            next.focus();
            next.scrollIntoView({ block: "nearest" });
          }
          return;
        }
        if (event.key.startsWith("Arrow")) return; // arrows outside the list keep scrolling the page
        event.preventDefault();
        const index = conversations.findIndex((conversation) => conversation.id === state.conversationId);
        const target = conversations[index === -1 ? 0 : index + (down ? 1 : -1)];
        if (target) {
          open(target, "browse");
          document.querySelector<HTMLElement>(`[data-conversation-id="${target.id}"]`)?.scrollIntoView({ block: "nearest" });
        }
        return;
      }
      if (event.key === "Escape") {
        if (detailsOpen) return closeDetails();
        if (!state.conversationId) return;
        const id = state.conversationId;
        navigate({ conversationId: null });
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus());
        return;
      }
      if (event.key === "u" && state.conversationId) {
        event.preventDefault();
        void markUnread(state.conversationId);
        return;
      }
      if (event.key === "/") {
        event.preventDefault();
        document.getElementById("inbox-search")?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
