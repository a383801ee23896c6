"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { BellIcon } from "@/components/inbox/icons";
import { LocalTime } from "@/components/ui/local-time";
import { contactName, shortTime } from "@/lib/inbox/format";
import { requestJson } from "@/lib/swr/fetcher";
import { useMentions, type MentionListJson } from "@/lib/swr/use-mentions";
import { messageElementId } from "@/components/inbox/message-bubble";

type MentionJson = MentionListJson["mentions"][number];

/**
 * The header's bell: how many unread @mentions the signed-in person has, and the list of them.
 * Opening one marks it read and opens its conversation at the note.
 */
export function MentionsBell() {
  const { data, mutate } = useMentions();
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const panel = useRef<HTMLDivElement>(null);
  const unread = data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    await requestJson("/api/inbox/mentions/read", { method: "POST", body });
    await mutate();
  };
  const openMention = (mention: MentionJson) => {
    setOpen(false);
    if (!mention.readAt) void markRead({ ids: [mention.id] });
    router.push(`/inbox?c=${mention.conversationId}#${messageElementId(mention.messageId)}`);
  };

  return (
    <div ref={panel} className="relative">
      <button type="button" onClick={() => setOpen((value) => !value)} aria-expanded={open} data-testid="mentions-bell"
        aria-label={unread > 0 ? `Mentions, ${unread} unread` : "Mentions"}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
        <BellIcon className="h-5 w-5" />
        {unread > 0 ? (
          <span data-testid="mentions-count" className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="dialog" aria-label="Mentions" className="absolute right-0 z-30 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">Mentions</h2>
            {unread > 0 ? (
              <button type="button" onClick={() => void markRead({ all: true })} className="text-xs font-medium text-brand-700 hover:underline">
                Mark all read
              </button>
            ) : null}
          </div>
          {!data || data.mentions.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-500">{data ? "When a teammate @mentions you in a note, it shows here." : "Loading…"}</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto py-1">
              {data.mentions.map((mention) => (
                <li key={mention.id}>
                  <button type="button" onClick={() => openMention(mention)} data-testid="mention" data-unread={mention.readAt ? undefined : "true"}
                    className={`block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 ${mention.readAt ? "" : "bg-amber-50"}`}>
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="truncate font-medium text-slate-900">
                        {mention.author?.name ?? "Someone"} · {contactName(mention.contact)}
                      </span>
                      <LocalTime iso={mention.createdAt} format={shortTime} className="shrink-0 text-xs text-slate-500" />
                    </span>
                    <span className="line-clamp-2 text-slate-600">{mention.excerpt}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
