"use client";

import { useState } from "react";
import { useSWRConfig } from "swr";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { LocalTime } from "@/components/ui/local-time";
import { agoText } from "@/lib/presence/teammate-reply";

type Action = "take" | "request" | "pass";

/**
 * Meta's handover protocol in the thread: while another app (a chatbot) holds the conversation the
 * customer's messages still show here, and an agent can take it over or ask the app for it; once we
 * hold a conversation that came from such an app, it can be handed back.
 */
export function HandoverBanner({ conversation }: { conversation: ConversationDetailJson }) {
  const { mutate } = useSWRConfig();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!conversation.threadControl) return null;
  const held = conversation.threadHeldSince !== null;
  // Nothing to say about a thread no other app ever held.
  if (!held && conversation.standbyInboundAt === null) return null;

  const run = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      await requestJson(`/api/inbox/conversations/${conversation.id}/handover`, { method: "POST", body: { action } });
      await mutate(`/api/inbox/conversations/${conversation.id}`);
    } catch (cause) {
      setError(cause instanceof FetchError || cause instanceof Error ? cause.message : "Couldn't change who handles this conversation.");
    } finally {
      setBusy(null);
    }
  };
  const button = (action: Action, label: string, primary = false) => (
    <button type="button" disabled={busy !== null} onClick={() => void run(action)}
      className={`rounded-md px-2.5 py-1 text-xs font-semibold disabled:opacity-60 ${primary ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
      {busy === action ? "Working…" : label}
    </button>
  );

  return (
    <div data-testid="handover-banner" className={`shrink-0 border-t px-4 py-2 text-sm ${held ? "border-violet-200 bg-violet-50 text-violet-950" : "border-slate-200 bg-white text-slate-600"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1">
          {held ? (
            <>
              Another app (such as a chatbot) is handling this conversation
              {conversation.threadHeldSince ? <> since <LocalTime iso={conversation.threadHeldSince} format={(iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} /></> : null}.
              {" "}Take it over to reply.
              {conversation.threadRequestedAt ? <RequestedNote iso={conversation.threadRequestedAt} /> : null}
            </>
          ) : (
            "Your team handles this conversation; the app that held it before can take it back."
          )}
        </p>
        {held ? (
          <>
            {button("take", "Take over", true)}
            {conversation.threadRequestedAt ? null : button("request", "Ask for it")}
          </>
        ) : (
          button("pass", "Hand back")
        )}
      </div>
      {error ? <p role="alert" className="mt-1 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

function RequestedNote({ iso }: { iso: string }) {
  return (
    <span className="ml-1 text-violet-800">
      (asked for it <LocalTime iso={iso} format={(value, now) => `${agoText(now.getTime() - Date.parse(value))} ago`} />; waiting for the app)
    </span>
  );
}
