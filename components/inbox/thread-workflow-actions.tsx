"use client";

import { useEffect, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import type { ConversationDetailJson, ConversationPageJson } from "@/lib/inbox/api-types";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { conversationKey } from "@/lib/swr/inbox-keys";
import { readCacheKey } from "@/lib/swr/infinite-cache-key";
import { useLabels } from "@/lib/swr/use-labels";
import { fromLocalInput, nextMondayAt9, snoozeLabel, tomorrowAt9 } from "@/lib/snooze/snooze-times";
import { LocalTime } from "@/components/ui/local-time";
import { TagIcon } from "./icons";
import { usePopover } from "./use-popover";


/**
 * Applies a change's answer to the thread at once and refreshes the lists. Snoozing and labelling
 * move a conversation between views, and the inbox shows a view's cached (or server-rendered)
 * pages without refetching when it comes back on screen (revalidateIfStale is off), so every view
 * already seen gets a fresh first page now, not just the one on screen.
 */
function useConversationChange(conversationId: string) {
  const { mutate, cache, fallback } = useSWRConfig();
  return async (request: () => Promise<{ conversation: ConversationDetailJson }>) => {
    const answer = await request();
    await mutate(conversationKey(conversationId), answer, { revalidate: false });
    const isList = (key: string) => {
      const { infinite, url } = readCacheKey(key);
      return infinite && url.startsWith("/api/inbox/conversations?");
    };
    const views = new Set([...(Array.from(cache.keys()) as string[]), ...Object.keys(fallback ?? {})].filter(isList));
    await Promise.all(
      [...views].map(async (key) => {
        const firstPage = await requestJson<ConversationPageJson>(readCacheKey(key).url);
        await mutate(key, [firstPage], { revalidate: false });
      }),
    );
  };
}

const menuClass = "absolute right-0 z-30 mt-1 w-64 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg";
const buttonClass = "shrink-0 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900";

/** Adds or removes the team's labels on this conversation; `l` opens it from the keyboard. */
export function LabelPicker({ conversation }: { conversation: ConversationDetailJson }) {
  const { open, setOpen, root } = usePopover("l");
  const { data } = useLabels();
  const change = useConversationChange(conversation.id);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  // The box ticks at once; the server's answer then replaces this (or the error puts it back).
  const [optimistic, setOptimistic] = useState<string[] | null>(null);
  const chosen = new Set(optimistic ?? conversation.labels.map((label) => label.id));
  const toggle = async (labelId: string) => {
    const next = chosen.has(labelId) ? [...chosen].filter((id) => id !== labelId) : [...chosen, labelId];
    setError(null);
    setOptimistic(next);
    try {
      await change(() => requestJson(`/api/inbox/conversations/${conversation.id}/labels`, { method: "PUT", body: { labelIds: next } }));
    } catch (cause) {
      setError(cause instanceof FetchError ? cause.message : "Couldn't change the labels");
    } finally {
      setOptimistic(null);
    }
  };
  const labels = data?.labels ?? [];
  return (
    <div ref={root} className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-keyshortcuts="l" title="Labels (l)" className={`${buttonClass} inline-flex items-center gap-1`}>
        <TagIcon className="h-3.5 w-3.5" />
        Label
      </button>
      {open ? (
        <div role="dialog" aria-label="Labels" className={menuClass}>
          {labels.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">No labels yet. An admin adds them in Settings → Labels.</p>
          ) : (
            labels.map((label, index) => (
              <label key={label.id} className="flex cursor-pointer items-center gap-2 px-3 py-1.5 hover:bg-slate-50">
                <input ref={index === 0 ? first : undefined} type="checkbox" checked={chosen.has(label.id)} onChange={() => void toggle(label.id)} />
                <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: label.color }} />
                {label.name}
              </label>
            ))
          )}
          {error ? <p role="alert" className="px-3 py-1 text-xs text-red-700">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Snoozes until 9:00 tomorrow, 9:00 next Monday or a chosen time (the browser's time zone); `z` opens it. */
export function SnoozeMenu({ conversation }: { conversation: ConversationDetailJson }) {
  const { open, setOpen, root } = usePopover("z");
  const change = useConversationChange(conversation.id);
  const [custom, setCustom] = useState("");
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const snooze = async (until: Date | null) => {
    setError(null);
    try {
      await change(() =>
        requestJson(`/api/inbox/conversations/${conversation.id}`, { method: "PATCH", body: { snoozedUntil: until ? until.toISOString() : null } }),
      );
      setOpen(false);
    } catch (cause) {
      setError(cause instanceof FetchError ? cause.message : "Couldn't snooze");
    }
  };

  if (conversation.status === "SNOOZED" && conversation.snoozedUntil) {
    return (
      <span className="flex shrink-0 items-center gap-1 whitespace-nowrap text-xs text-slate-600" data-testid="snoozed-until">
        Snoozed until <LocalTime iso={conversation.snoozedUntil} format={snoozeLabel} />
        <button type="button" onClick={() => void snooze(null)} className={buttonClass}>Wake now</button>
      </span>
    );
  }
  const now = new Date();
  const customAt = fromLocalInput(custom);
  return (
    <div ref={root} className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-keyshortcuts="z" title="Snooze (z)" className={buttonClass}>
        Snooze
      </button>
      {open ? (
        <div role="dialog" aria-label="Snooze" className={menuClass}>
          <button ref={first} type="button" onClick={() => void snooze(tomorrowAt9(now))} className="block w-full px-3 py-1.5 text-left hover:bg-slate-50">
            Tomorrow 9:00
          </button>
          <button type="button" onClick={() => void snooze(nextMondayAt9(now))} className="block w-full px-3 py-1.5 text-left hover:bg-slate-50">
            Next Monday 9:00
          </button>
          <form className="flex items-center gap-1 border-t border-slate-100 px-3 pt-2 pb-1" onSubmit={(event) => {
            event.preventDefault();
            if (customAt) void snooze(customAt);
          }}>
            <label className="sr-only" htmlFor="snooze-until">Snooze until</label>
            <input id="snooze-until" type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)}
              className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-xs" />
            <button type="submit" disabled={!customAt} className="rounded bg-slate-900 px-2 py-0.5 text-xs font-medium text-white disabled:bg-slate-300">Snooze</button>
          </form>
          {error ? <p role="alert" className="px-3 py-1 text-xs text-red-700">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
