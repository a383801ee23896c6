"use client";

import { useEffect, useRef, useState } from "react";
import useSWRInfinite from "swr/infinite";
import type { MessagePageJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import { messagesGetKey } from "@/lib/swr/use-messages";
import { agoText, teammateReplySince, type TeammateReply } from "@/lib/presence/teammate-reply";

/**
 * Collision detection in the composer: if a teammate's reply reached the customer after I started
 * this draft, sending asks first ("Ana replied 20 s ago — send anyway?"). Reads the thread from the
 * SWR cache the thread keeps live; it never fetches on its own.
 */
export function useTeammateReplyGuard(conversationId: string, meId: string, text: string) {
  const composingSince = useRef<number | null>(null);
  const [pending, setPending] = useState<{ reply: TeammateReply; send: () => void } | null>(null);
  const { data } = useSWRInfinite<MessagePageJson>(messagesGetKey(conversationId), requestJson, {
    revalidateOnMount: false,
    revalidateIfStale: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
  });

  useEffect(() => {
    if (text.trim() === "") composingSince.current = null;
    else composingSince.current ??= Date.now();
  }, [text]);

  /** Sends at once, unless a teammate replied meanwhile: then the warning asks first. */
  const guard = (send: () => void) => {
    const since = composingSince.current;
    const messages = (data ?? []).flatMap((page) => page.messages);
    const reply = since === null ? null : teammateReplySince(messages, meId, since);
    if (!reply) return send();
    setPending({ reply, send });
  };

  const warning = pending ? (
    <div role="alertdialog" aria-labelledby="teammate-replied" data-testid="teammate-replied"
      className="mb-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span id="teammate-replied" className="flex-1">
        {pending.reply.name} replied {agoText(Date.now() - pending.reply.at)} ago — send anyway?
      </span>
      <button type="button" autoFocus className="rounded-md bg-amber-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-amber-700"
        onClick={() => {
          const { send } = pending;
          setPending(null);
          send();
        }}>
        Send anyway
      </button>
      <button type="button" className="rounded-md px-2.5 py-1 text-xs font-semibold text-amber-900 hover:bg-amber-100"
        onClick={() => {
          // Read their reply first; the draft stays, and counts as started now.
          composingSince.current = Date.now();
          setPending(null);
        }}>
        Don&apos;t send
      </button>
    </div>
  ) : null;

  return { guard, warning };
}
