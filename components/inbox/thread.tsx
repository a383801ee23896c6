"use client";

import { channelLabel } from "@/lib/channels/catalog";
import { Fragment, useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { AutoAssignedNote } from "@/components/assignment/auto-assigned-note";
import { avatarSrc, contactHandle, contactName, dayLabel } from "@/lib/inbox/format";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { useConversation } from "@/lib/swr/use-conversation";
import { useMessages } from "@/lib/swr/use-messages";
import type { SendReplyInput } from "@/lib/validations/reply";
import { useClientNow } from "@/components/ui/local-time";
import { Avatar } from "./avatar";
import { ComposerSwitch } from "./composer-switch";
import { BackIcon, ChannelIcon, PanelIcon } from "./icons";
import { MessageBubble, messageElementId, type BubbleMessage } from "./message-bubble";
import { NoteBubble } from "./note-bubble";
import { LabelChips } from "./label-chips";
import { LabelPicker, SnoozeMenu } from "./thread-workflow-actions";
import { WaitingBadge } from "@/components/speed-to-lead/waiting-badge";
import { HandoverBanner } from "@/components/handover/handover-banner";
import { ThreadPresence } from "@/components/presence/thread-presence";

type ReplyBody = Omit<SendReplyInput, "idempotencyKey">;

/** A reply this tab is sending, shown at once and replaced by the stored message when it lands. */
interface PendingReply {
  key: string;
  body: ReplyBody;
  display?: { attachmentName: string };
  /** What the bubble shows while sending: the text, the attachment's name, or the template's. */
  text: string;
  sentAt: string;
  error: string | null;
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function Thread({
  conversationId,
  me,
  onBack,
  onToggleDetails,
  onMarkUnread,
}: {
  conversationId: string;
  me: { id: string; name: string };
  onBack: () => void;
  onToggleDetails: () => void;
  onMarkUnread: () => void;
}) {
  const { data, error } = useConversation(conversationId);
  const conversation = data?.conversation;
  const thread = useMessages(conversationId);
  const [pending, setPending] = useState<PendingReply[]>([]);
  const { mutate: revalidateMessages } = thread;
  const scroller = useRef<HTMLDivElement>(null);
  // Where the reader was when an older page was asked for. column-reverse measures scrollTop from
  // the bottom, so the same value after the page lands keeps the same messages on screen; Chromium
  // does not keep it by itself when the reader is at the very top, and would fling them to the
  // oldest message, page after page.
  const olderFrom = useRef<number | null>(null);
  const loadedPages = thread.data?.length ?? 0;
  useLayoutEffect(() => {
    if (olderFrom.current === null || !scroller.current) return;
    scroller.current.scrollTop = olderFrom.current;
    olderFrom.current = null;
  }, [loadedPages]);

  const send = useCallback(
    async (body: ReplyBody, display?: { attachmentName: string }, key = newKey()) => {
      const text = body.template
        ? `Template “${body.template.name}”`
        : [display ? `📎 ${display.attachmentName}` : null, body.text].filter(Boolean).join("\n");
      setPending((list) => [...list.filter((item) => item.key !== key), { key, body, display, text, sentAt: new Date().toISOString(), error: null }]);
      try {
        await requestJson(`/api/inbox/conversations/${conversationId}/reply`, { method: "POST", body: { ...body, idempotencyKey: key } });
        await revalidateMessages();
        setPending((list) => list.filter((item) => item.key !== key));
      } catch (cause) {
        // A 502 carries the stored FAILED message: the thread shows it (with Retry) from the server.
        if (cause instanceof FetchError && cause.body?.message) {
          await revalidateMessages();
          setPending((list) => list.filter((item) => item.key !== key));
          return;
        }
        const reason = cause instanceof Error ? cause.message : "Couldn't send";
        setPending((list) => list.map((item) => (item.key === key ? { ...item, error: reason } : item)));
      }
    },
    [conversationId, revalidateMessages],
  );

  const retryStored = useCallback(
    async (messageId: string) => {
      try {
        await requestJson(`/api/inbox/messages/${messageId}/retry`, { method: "POST" });
      } finally {
        await revalidateMessages();
      }
    },
    [revalidateMessages],
  );

  if (error && !conversation) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center text-sm text-slate-600">
        <p role="alert">{error instanceof FetchError && error.status === 404 ? "This conversation doesn't exist any more." : error.message}</p>
        <button type="button" onClick={onBack} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50">
          Back to the list
        </button>
      </div>
    );
  }

  const stored = thread.messages;
  const loadingOlder = thread.size > loadedPages;
  const loadOlder = () => {
    if (loadingOlder) return;
    olderFrom.current = scroller.current?.scrollTop ?? null;
    void thread.setSize(thread.size + 1);
  };
  const storedKeys = new Set(stored.map((message) => message.idempotencyKey).filter(Boolean));
  const optimistic: (BubbleMessage & { pendingKey: string })[] = pending
    .filter((item) => !storedKeys.has(item.key))
    .map((item) => ({
      id: `pending-${item.key}`,
      pendingKey: item.key,
      channel: conversation?.channel ?? "INSTAGRAM",
      direction: "OUTBOUND",
      type: "TEXT",
      text: item.text,
      attachments: null,
      status: item.error ? "FAILED" : "PENDING",
      error: item.error,
      sentAt: item.sentAt,
      editedAt: null,
      sentBy: { id: me.id, name: me.name },
      replyToExternalId: null,
      replyTo: null,
      reactions: [],
      sending: true,
    }));

  return (
    <>
      <ThreadHeader conversation={conversation} onBack={onBack} onToggleDetails={onToggleDetails} onMarkUnread={onMarkUnread} />
      {/* column-reverse keeps the view pinned to the newest message as messages arrive, with no scroll jumps. */}
      <div ref={scroller} className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto bg-slate-50" data-testid="thread">
        <div className="space-y-2 py-4">
          {thread.hasOlder ? <EarlierMessages loading={loadingOlder} onLoad={loadOlder} /> : null}
          {!thread.data && thread.isLoading ? <ThreadSkeleton /> : null}
          <MessageList
            messages={[...stored.map((message) => ({ ...message, pendingKey: null as string | null })), ...optimistic]}
            loadedIds={new Set(stored.map((message) => message.id))}
            onRetryPending={(key) => {
              const item = pending.find((candidate) => candidate.key === key);
              if (item) void send(item.body, item.display, item.key);
            }}
            onRetryStored={retryStored}
          />
        </div>
      </div>
      {conversation ? <HandoverBanner conversation={conversation} /> : null}
      {conversation ? <ThreadPresence conversationId={conversationId} /> : null}
      {conversation ? <ComposerSwitch conversation={conversation} me={me} onSend={send} onNoteSaved={revalidateMessages} /> : <div className="h-[76px] border-t border-slate-200 bg-white" />}
    </>
  );
}

/**
 * The top of a thread that has more: scrolling up to it loads the next older page (the thread
 * keeps what is on screen in place as it lands); the button does the same for the keyboard. The
 * observer is made again once a page has landed, and its first report then says whether the top
 * is still in sight (a short page on a tall screen), loading on until it is not.
 */
function EarlierMessages({ loading, onLoad }: { loading: boolean; onLoad: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const loadWhenSeen = useEffectEvent(onLoad);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || loading) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && loadWhenSeen(), { rootMargin: "200px 0px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [loading]);
  return (
    <div ref={sentinel} className="text-center">
      <button type="button" onClick={onLoad} className="rounded-md px-3 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200">
        {loading ? "Loading…" : "Load earlier messages"}
      </button>
    </div>
  );
}

function MessageList({
  messages,
  loadedIds,
  onRetryPending,
  onRetryStored,
}: {
  messages: (BubbleMessage & { pendingKey: string | null })[];
  loadedIds: Set<string>;
  onRetryPending: (key: string) => void;
  onRetryStored: (id: string) => void;
}) {
  // Days are the reader's own (time zone), so the separators appear once the browser has taken over.
  const now = useClientNow();
  let lastDay = "";
  return messages.map((message) => {
    const day = now === null ? "" : dayLabel(message.sentAt, new Date(now));
    const separator = day !== lastDay;
    lastDay = day;
    const quotedId = message.replyTo?.id;
    const showQuoted = quotedId && loadedIds.has(quotedId) ? () => showMessage(quotedId) : undefined;
    const retry = message.status !== "FAILED" ? undefined : message.pendingKey ? () => onRetryPending(message.pendingKey!) : () => onRetryStored(message.id);
    return (
      <Fragment key={message.id}>
        {separator ? (
          <div role="separator" aria-label={day} className="flex items-center gap-3 px-4 py-2 text-xs font-medium text-slate-500">
            <span className="h-px flex-1 bg-slate-200" />
            {day}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        ) : null}
        {message.type === "NOTE" ? <NoteBubble message={message} /> : <MessageBubble message={message} onShowQuoted={showQuoted} onRetry={retry} />}
      </Fragment>
    );
  });
}

/** Brings a loaded message into view and focuses it, which also highlights it and tells screen readers. */
function showMessage(messageId: string) {
  const element = document.getElementById(messageElementId(messageId));
  if (!element) return;
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.focus({ preventScroll: true });
}

function ThreadHeader({
  conversation,
  onBack,
  onToggleDetails,
  onMarkUnread,
}: {
  conversation: ConversationDetailJson | undefined;
  onBack: () => void;
  onToggleDetails: () => void;
  onMarkUnread: () => void;
}) {
  const name = conversation ? contactName(conversation.contact) : "";
  const handle = conversation ? contactHandle(conversation.contact) : null;
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
      <button type="button" onClick={onBack} aria-label="Back to conversations" className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 md:hidden">
        <BackIcon className="h-5 w-5" />
      </button>
      {conversation ? (
        <>
          <Avatar name={name} url={avatarSrc(conversation.contact)} size={32} />
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-semibold text-slate-900" data-testid="thread-title"><bdi>{name}</bdi></h2>
            <p className="flex items-center gap-1 truncate text-xs text-slate-500">
              <ChannelIcon channel={conversation.channel} className="h-3.5 w-3.5" />
              {channelLabel(conversation.channel)}
              {handle && handle !== name ? ` · ${handle}` : ""}
              {conversation.status === "ARCHIVED" ? " · Archived" : ""}
              <WaitingBadge since={conversation.waitingSince} />
            </p>
            <AutoAssignedNote conversation={conversation} />
            <LabelChips labels={conversation.labels} className="mt-0.5" />
          </div>
          <LabelPicker conversation={conversation} />
          <SnoozeMenu conversation={conversation} />
        </>
      ) : (
        <div className="flex-1" />
      )}
      {conversation ? (
        <button type="button" onClick={onMarkUnread} title="Mark as unread (u)" aria-label="Mark as unread" aria-keyshortcuts="u"
          className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          {/* A phone's header keeps its room for the customer's name. */}
          <span className="sm:hidden">Unread</span>
          <span className="hidden sm:inline">Mark as unread</span>
        </button>
      ) : null}
      <button type="button" onClick={onToggleDetails} aria-label="Contact and lead details" className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 xl:hidden">
        <PanelIcon className="h-5 w-5" />
      </button>
    </header>
  );
}

function ThreadSkeleton() {
  return (
    <div aria-busy aria-label="Loading messages" className="space-y-3 px-4">
      {[60, 40, 70, 30].map((width, index) => (
        <div key={index} className={`flex ${index % 2 ? "justify-end" : ""}`}>
          <span className="block h-9 animate-pulse rounded-2xl bg-slate-200/70" style={{ width: `${width}%` }} />
        </div>
      ))}
    </div>
  );
}
