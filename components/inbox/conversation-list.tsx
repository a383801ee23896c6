"use client";

import { useEffect, useRef } from "react";
import { channelCatalog, channelLabel, channelMeta, channelMetaByDb } from "@/lib/channels/catalog";
import type { ConversationItemJson } from "@/lib/inbox/api-types";
import { avatarSrc, contactHandle, contactName, shortTime } from "@/lib/inbox/format";
import { inboxHref, type InboxUrlState } from "@/lib/inbox/inbox-url";
import type { UnreadCounts } from "@/lib/inbox/list-conversations";
import type { InboxFilter, InboxSort, InboxTab } from "@/lib/inbox/constants";
import { LabelChips, LabelFilter } from "./label-chips";
import { LocalTime } from "@/components/ui/local-time";
import { WaitingBadge } from "@/components/speed-to-lead/waiting-badge";
import { findFolded } from "@/lib/text/fold-match";
import { Avatar } from "./avatar";
import { ChannelIcon, SearchIcon } from "./icons";

const TABS: { key: InboxTab; label: string }[] = [{ key: "all", label: "All" }, ...channelCatalog.map(({ key, label }) => ({ key, label }))];

const FILTERS: { key: InboxFilter; label: string }[] = [
  { key: "open", label: "Open" },
  { key: "unread", label: "Unread" },
  { key: "mine", label: "Assigned to me" },
  { key: "waiting", label: "Waiting" },
  { key: "window-closing", label: "Window closing" },
  { key: "snoozed", label: "Snoozed" },
  { key: "archived", label: "Archived" },
];

export interface ConversationListProps {
  state: InboxUrlState;
  conversations: ConversationItemJson[];
  unreadCounts: UnreadCounts | undefined;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  onNavigate: (next: Partial<InboxUrlState>, mode?: "push" | "replace") => void;
  onOpen: (conversation: ConversationItemJson) => void;
  onLoadMore: () => void;
}

export function ConversationList(props: ConversationListProps) {
  const { state, onNavigate } = props;
  return (
    <>
      <div className="shrink-0 space-y-2 border-b border-slate-200 px-3 pt-3 pb-2">
        <div className="flex items-center gap-2">
          <SearchBox value={state.q} onSearch={(q) => onNavigate({ q }, "replace")} />
          <label className="sr-only" htmlFor="inbox-filter">View</label>
          <select
            id="inbox-filter"
            value={state.filter}
            onChange={(event) => onNavigate({ filter: event.target.value as InboxFilter })}
            className="w-[8.75rem] shrink-0 rounded-md border border-slate-200 bg-white py-1.5 pl-2 text-sm text-slate-700 hover:border-slate-300"
          >
            {FILTERS.map((filter) => (
              <option key={filter.key} value={filter.key}>{filter.label}</option>
            ))}
          </select>
          <LabelFilter value={state.label} onChange={(label) => onNavigate({ label })} />
        </div>
        <div className="flex items-center justify-between gap-2">
          <nav aria-label="Channels" className="flex gap-1">
            {TABS.map((tab) => {
              const count = props.unreadCounts?.[tab.key] ?? 0;
              const selected = state.channel === tab.key;
              return (
                <a
                  key={tab.key}
                  href={inboxHref({ ...state, channel: tab.key })}
                  aria-current={selected ? "page" : undefined}
                  data-testid={`tab-${tab.key}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onNavigate({ channel: tab.key });
                  }}
                  className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium transition-colors ${
                    selected ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                  }`}
                >
                  {tab.label}
                  {count > 0 ? (
                    <span
                      data-testid={`tab-${tab.key}-unread`}
                      aria-label={`${count} unread`}
                      className={`min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums ${selected ? "bg-white/20" : "bg-brand-100 text-brand-700"}`}
                    >
                      {count}
                    </span>
                  ) : null}
                </a>
              );
            })}
          </nav>
          <label className="sr-only" htmlFor="inbox-sort">Sort</label>
          <select id="inbox-sort" value={state.sort ?? "recent"} onChange={(event) => onNavigate({ sort: event.target.value as InboxSort })}
            className="shrink-0 rounded-md border border-slate-200 bg-white py-1 pl-2 text-xs text-slate-700 hover:border-slate-300">
            <option value="recent">Newest</option>
            <option value="waiting">Waiting longest</option>
          </select>
        </div>
      </div>
      {state.q ? <p className="shrink-0 border-b border-slate-100 px-3 py-1 text-xs text-slate-500">Searching every view: open and archived</p> : null}
      <ListBody {...props} />
    </>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  // The query this box last put in the URL. Any other value came from outside (Back, Forward, a
  // link) and replaces what the box shows; our own never does, so typing is never overwritten.
  const sent = useRef(value);
  useEffect(() => {
    if (value === sent.current || !input.current) return;
    sent.current = value;
    input.current.value = value;
  }, [value]);
  const search = (q: string) => {
    sent.current = q;
    onSearch(q);
  };
  return (
    <div className="relative min-w-0 flex-1">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-slate-400" />
      <input
        ref={input}
        type="search"
        id="inbox-search"
        aria-label="Search conversations"
        placeholder="Search"
        defaultValue={value}
        onChange={(event) => {
          const q = event.target.value.trim();
          clearTimeout(timer.current);
          timer.current = setTimeout(() => search(q), 250);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            clearTimeout(timer.current);
            search(event.currentTarget.value.trim());
          }
        }}
        className="block w-full rounded-md border border-slate-200 bg-slate-50 py-1.5 pr-2 pl-8 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-brand-100"
      />
    </div>
  );
}

function ListBody(props: ConversationListProps) {
  const { conversations, state, hasMore, onLoadMore, loadingMore } = props;
  const sentinel = useRef<HTMLLIElement>(null);

  // Infinite scroll: load the next page as its sentinel nears the bottom of the list.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && onLoadMore(), { rootMargin: "300px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore, conversations.length]);

  if (props.error && conversations.length === 0) {
    return <p role="alert" className="p-6 text-sm text-red-700">{props.error}</p>;
  }
  if (conversations.length === 0) {
    if (props.loading) return <ListSkeleton />;
    return <EmptyList state={state} />;
  }
  return (
    <ul aria-label="Conversations" data-testid="conversation-list" className="min-h-0 flex-1 overflow-y-auto">
      {conversations.map((conversation) => (
        <ConversationRow key={conversation.id} conversation={conversation} state={state} onOpen={props.onOpen} />
      ))}
      {hasMore ? (
        <li ref={sentinel} className="px-4 py-3 text-center text-xs text-slate-500">
          {loadingMore ? "Loading more…" : <button type="button" className="underline" onClick={onLoadMore}>Load more</button>}
        </li>
      ) : null}
    </ul>
  );
}

function ConversationRow({ conversation, state, onOpen }: { conversation: ConversationItemJson; state: InboxUrlState; onOpen: (c: ConversationItemJson) => void }) {
  const selected = state.conversationId === conversation.id;
  const name = contactName(conversation.contact);
  const handle = contactHandle(conversation.contact);
  const unread = conversation.unreadCount > 0;
  return (
    <li>
      <a
        href={inboxHref({ ...state, conversationId: conversation.id })}
        data-conversation-id={conversation.id}
        data-testid="conversation-item"
        aria-current={selected ? "true" : undefined}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          onOpen(conversation);
        }}
        className={`flex gap-3 border-b border-slate-100 px-3 py-3 outline-none transition-colors focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset ${
          selected ? "bg-brand-50" : "hover:bg-slate-50"
        }`}
      >
        <span className="relative">
          <Avatar name={name} url={avatarSrc(conversation.contact)} />
          <span className={`absolute -right-0.5 -bottom-0.5 rounded-full bg-white p-0.5 ${channelMetaByDb(conversation.channel)?.accentClass ?? "text-slate-500"}`}>
            <ChannelIcon channel={conversation.channel} className="h-3.5 w-3.5" title={channelLabel(conversation.channel)} />
          </span>
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className="flex min-w-0 items-center gap-1.5">
              <span className={`truncate text-sm ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}><bdi>{name}</bdi></span>
              {state.q ? (
                <span data-testid="hit-view" className={`shrink-0 rounded px-1 text-[11px] font-medium ${conversation.status === "ARCHIVED" ? "bg-slate-200 text-slate-700" : "bg-emerald-50 text-emerald-800"}`}>
                  {conversation.status === "ARCHIVED" ? "Archived" : "Open"}
                </span>
              ) : null}
            </span>
            {conversation.lastMessageAt ? (
              <LocalTime iso={conversation.lastMessageAt} format={shortTime} className={`shrink-0 text-xs tabular-nums ${unread ? "font-medium text-brand-700" : "text-slate-600"}`} />
            ) : null}
          </span>
          {handle && handle !== name ? <span className="block truncate text-xs text-slate-600">{handle}</span> : null}
          <span className="mt-0.5 flex items-center justify-between gap-2">
            <span className="flex min-w-0 items-center gap-1.5">
              {conversation.previewThumbnail ? <PreviewThumbnail thumbnail={conversation.previewThumbnail} /> : null}
              {conversation.matchedMessage ? (
                <MatchedText text={conversation.matchedMessage.text} query={state.q} />
              ) : (
                <span className={`truncate text-sm ${unread ? "text-slate-800" : "text-slate-600"}`}>{conversation.lastMessagePreview ?? "No messages yet"}</span>
              )}
            </span>
            <WaitingBadge since={conversation.waitingSince} />
            {unread ? (
              <span data-testid="unread-badge" aria-label={`${conversation.unreadCount} unread`} className="min-w-5 shrink-0 rounded-full bg-brand-600 px-1.5 text-center text-xs font-semibold text-white tabular-nums">
                {conversation.unreadCount}
              </span>
            ) : null}
          </span>
          <LabelChips labels={conversation.labels} />
          {conversation.assignee ? (
            <span className="mt-1 inline-flex items-center gap-1 text-xs text-slate-600">
              <Avatar name={conversation.assignee.name} size={16} />
              {conversation.assignee.name}
            </span>
          ) : null}
        </span>
      </a>
    </li>
  );
}

/** A search hit's message, from a little before the match, with the match marked. */
function MatchedText({ text, query }: { text: string; query: string }) {
  const match = findFolded(text, query);
  if (!match) return <span className="truncate text-sm text-slate-600">{text}</span>;
  const from = Math.max(0, match.start - 20);
  return (
    <span data-testid="matched-message" className="truncate text-sm text-slate-600">
      {from > 0 ? "…" : ""}
      {text.slice(from, match.start)}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{text.slice(match.start, match.end)}</mark>
      {text.slice(match.end)}
    </span>
  );
}

/** The newest message's photo, tiny: through the session-protected media route, thumbnail variant. */
function PreviewThumbnail({ thumbnail }: { thumbnail: NonNullable<ConversationItemJson["previewThumbnail"]> }) {
  return (
    <img src={`/api/inbox/media/${thumbnail.messageId}/${thumbnail.attachmentIndex}?variant=thumb`} alt="" width={20} height={20}
      loading="lazy" data-testid="preview-thumbnail" className="h-5 w-5 shrink-0 rounded object-cover" />
  );
}

function ListSkeleton() {
  return (
    <ul aria-label="Loading conversations" aria-busy className="min-h-0 flex-1 overflow-hidden">
      {Array.from({ length: 8 }, (_, index) => (
        <li key={index} className="flex gap-3 border-b border-slate-100 px-3 py-3">
          <span className="h-10 w-10 animate-pulse rounded-full bg-slate-100" />
          <span className="flex-1 space-y-2 pt-1">
            <span className="block h-3 w-1/2 animate-pulse rounded bg-slate-100" />
            <span className="block h-3 w-4/5 animate-pulse rounded bg-slate-100" />
          </span>
        </li>
      ))}
    </ul>
  );
}

function EmptyList({ state }: { state: InboxUrlState }) {
  const channel = state.channel === "all" ? "" : `${channelMeta(state.channel).label} `;
  const text = state.q
    ? `No ${channel}conversations match “${state.q}”.`
    : {
        open: `No open ${channel}conversations. New messages will appear here as they arrive.`,
        unread: `You're all caught up: no unread ${channel}conversations.`,
        mine: `No open ${channel}conversations are assigned to you.`,
        waiting: `Nobody is waiting: every ${channel}customer has an answer.`,
        "window-closing": `No ${channel}reply window closes in the next two hours.`,
        snoozed: `No snoozed ${channel}conversations. Snoozed ones come back by themselves at their time, or when the customer writes.`,
        archived: `No archived ${channel}conversations.`,
      }[state.sort === "waiting" && state.filter === "open" ? "waiting" : state.filter];
  return (
    <div data-testid="empty-list" className="flex-1 px-6 py-10 text-center text-sm text-slate-500">
      {text}
    </div>
  );
}
