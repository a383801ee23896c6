"use client";

import { useState } from "react";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { Composer } from "./composer";
import { NoteComposer } from "./note-composer";

type ComposerProps = Parameters<typeof Composer>[0];

/** Reply to the customer, or write a private note for the team: one switch above the composer. */
export function ComposerSwitch({
  conversation,
  me,
  onSend,
  onNoteSaved,
}: {
  conversation: ConversationDetailJson;
  me: { id: string; name: string };
  onSend: ComposerProps["onSend"];
  onNoteSaved: () => Promise<unknown>;
}) {
  const [mode, setMode] = useState<"reply" | "note">("reply");
  return (
    <div className="shrink-0">
      <div role="tablist" aria-label="Composer" className="flex gap-1 border-t border-slate-200 bg-white px-3 pt-1.5">
        {(["reply", "note"] as const).map((value) => (
          <button key={value} type="button" role="tab" aria-selected={mode === value} onClick={() => setMode(value)}
            className={`rounded-t-md px-3 py-1 text-xs font-semibold ${mode === value ? (value === "note" ? "bg-amber-100 text-amber-900" : "bg-brand-50 text-brand-800") : "text-slate-500 hover:text-slate-800"}`}>
            {value === "reply" ? "Reply" : "Note"}
          </button>
        ))}
      </div>
      {mode === "reply" ? (
        <Composer conversation={conversation} agentName={me.name} meId={me.id} onSend={onSend} />
      ) : (
        <NoteComposer key={conversation.id} conversationId={conversation.id} meId={me.id} onSaved={onNoteSaved} />
      )}
    </div>
  );
}
