import { useEffect, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import type { InboxEvent } from "@/lib/realtime/types";
import { readCacheKey } from "@/lib/swr/infinite-cache-key";
import { LABELS_KEY } from "@/lib/swr/use-labels";
import { MENTIONS_KEY } from "@/lib/swr/use-mentions";

const LIST_PATH = "/api/inbox/conversations?";
const DETAIL_KEY = /^\/api\/inbox\/conversations\/[^/?]+$/;
/** The pipeline's board, table and lead panel: a lead moves, or its conversations' activity changes. */
const LEAD_URL = /^\/api\/leads(\/|\?|$)/;

/** What a cache key holds, read through SWR's public key encoding (see infinite-cache-key). */
function classify(cacheKey: string) {
  const { infinite, url } = readCacheKey(cacheKey);
  return {
    list: infinite && url.startsWith(LIST_PATH),
    /** Any paged inbox list: conversation lists and threads. */
    inboxPages: infinite && url.startsWith("/api/inbox/"),
    detail: !infinite && DETAIL_KEY.test(url),
    lead: LEAD_URL.test(url),
    mentions: !infinite && url === MENTIONS_KEY,
    labels: !infinite && url === LABELS_KEY,
    messagesOf: (conversationId: string) => infinite && url.startsWith(`/api/inbox/conversations/${conversationId}/messages`),
    url,
  };
}
/** Events arrive in bursts (a message is a message.created and a conversation.updated): one refetch per burst. */
const COALESCE_MS = 40;
/** EventSource retries by itself on network errors, but gives up on an HTTP error (e.g. a restart's 502). */
const REOPEN_AFTER_MS = 5_000;

/**
 * Keeps the inbox and the pipeline live: listens to `/api/inbox/events` and revalidates exactly the
 * SWR caches an event touches (the list pages, the conversation's detail and its thread, the
 * leads). On every (re)connect it revalidates everything, so nothing missed while offline stays
 * missing.
 */
export function useInboxEvents(onEvent?: (event: InboxEvent) => void): { live: boolean } {
  const { cache, mutate } = useSWRConfig();
  const [live, setLive] = useState(false);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    const pending = new Set<string>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;

    const keys = () => Array.from(cache.keys()) as string[];
    const schedule = (match: (key: string) => boolean) => {
      for (const key of keys()) if (match(key)) pending.add(key);
      flushTimer ??= setTimeout(() => {
        flushTimer = undefined;
        const batch = Array.from(pending);
        pending.clear();
        for (const key of batch) void mutate(key);
      }, COALESCE_MS);
    };
    const touches = (event: InboxEvent) => (cacheKey: string) => {
      const key = classify(cacheKey);
      if (event.type === "mention.updated" || key.mentions) return event.type === "mention.updated" && key.mentions;
      if (event.type === "labels.updated") return key.labels || key.list || key.detail;
      if (key.list) return true;
      // Duplicate suggestions change only when leads do; a message arriving does not move them.
      if (key.lead) return event.type === "lead.updated" || (event.type === "conversation.updated" && !key.url.endsWith("/duplicates"));
      // The conversation's detail carries its lead.
      if (event.type === "lead.updated") return key.detail;
      if (!("conversationId" in event)) return false;
      return (key.detail && key.url === `/api/inbox/conversations/${event.conversationId}`) || (event.type !== "conversation.updated" && key.messagesOf(event.conversationId));
    };

    const open = () => {
      source = new EventSource("/api/inbox/events");
      source.onopen = () => {
        setLive(true);
        schedule((cacheKey) => {
          const key = classify(cacheKey);
          return key.inboxPages || key.detail || key.lead || key.mentions;
        });
      };
      source.onmessage = (message) => {
        let event: InboxEvent;
        try {
          event = JSON.parse(message.data) as InboxEvent;
        } catch {
          return;
        }
        schedule(touches(event));
        onEventRef.current?.(event);
      };
      source.onerror = () => {
        setLive(false);
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
        }
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(flushTimer);
      clearTimeout(reopenTimer);
    };
  }, [cache, mutate]);

  return { live };
}
