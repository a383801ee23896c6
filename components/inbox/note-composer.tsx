"use client";

import { useId, useRef, useState } from "react";
import type { TeamMember } from "@/lib/inbox/api-types";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { useAssignees } from "@/lib/swr/use-assignees";
import { SendIcon } from "./icons";
import { handleSuggestionKeys } from "./suggestion-keys";

/** The "@partial" being typed right before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}_ ]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

/**
 * Writes a private note (staff only, never sent to the customer). Typing `@` offers teammates by
 * name; picking one inserts `@Full Name `, which the server turns into a mention.
 */
export function NoteComposer({ conversationId, meId, onSaved }: { conversationId: string; meId: string; onSaved: () => Promise<unknown> }) {
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const { data } = useAssignees();

  const mention = mentionQuery(text, caret);
  const matches: TeamMember[] = mention
    ? (data?.team ?? [])
        .filter((member) => member.id !== meId && member.name.toLocaleLowerCase().startsWith(mention.query.toLocaleLowerCase()))
        .slice(0, 6)
    : [];
  const showMenu = !dismissed && matches.length > 0;

  const pick = (member: TeamMember) => {
    if (!mention) return;
    const next = `${text.slice(0, mention.start)}@${member.name} ${text.slice(caret)}`;
    const at = mention.start + member.name.length + 2;
    setText(next);
    setCaret(at);
    setHighlight(0);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(at, at));
  };
  const save = async () => {
    if (!text.trim() || saving) return;
    setSaving(true);
    setError(null);
    try {
      await requestJson(`/api/inbox/conversations/${conversationId}/notes`, { method: "POST", body: { text: text.trim() } });
      setText("");
      await onSaved();
    } catch (cause) {
      setError(cause instanceof FetchError ? cause.message : "Couldn't save the note");
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="relative shrink-0 border-t border-amber-300 bg-amber-50 px-3 pt-2 pb-2">
      {showMenu ? (
        <div id={listId} role="listbox" aria-label="Mention a teammate" className="absolute right-3 bottom-full left-3 mb-1 max-h-64 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          {matches.map((member, index) => (
            <button key={member.id} type="button" role="option" aria-selected={index === highlight}
              onMouseDown={(event) => event.preventDefault()} onClick={() => pick(member)}
              className={`block w-full px-3 py-2 text-left text-sm ${index === highlight ? "bg-brand-50" : "hover:bg-slate-50"}`}>
              @{member.name}
            </button>
          ))}
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <label htmlFor="note-composer" className="sr-only">Private note</label>
        <textarea id="note-composer" ref={textarea} rows={1} value={text} data-testid="note-composer"
          aria-controls={showMenu ? listId : undefined}
          placeholder="Private note for your team…  (@ to mention)"
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setHighlight(0);
            setDismissed(false);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (showMenu && handleSuggestionKeys(event, { items: matches, highlight, setHighlight, pick, close: () => setDismissed(true) })) return;
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              void save();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-lg border border-amber-300 bg-white px-3 py-2 text-sm [field-sizing:content] placeholder:text-slate-400 focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-100"
        />
        <button type="button" onClick={() => void save()} disabled={!text.trim() || saving} aria-label="Save note"
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-amber-600 text-white hover:bg-amber-700 disabled:bg-slate-200 disabled:text-slate-400">
          <SendIcon className="h-4 w-4" />
        </button>
      </div>
      <p className="mt-1 px-1 text-xs text-amber-800" role={error ? "alert" : undefined}>
        {error ?? "Only your team sees notes; the customer never does."}
      </p>
    </div>
  );
}
