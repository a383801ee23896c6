"use client";

import { useEffect, useRef, useState } from "react";
import type { QuickReplyJson } from "@/lib/inbox/api-types";
import { requestJson } from "@/lib/swr/fetcher";
import { useQuickReplies } from "@/lib/swr/use-quick-replies";
import { QUICK_REPLY_VARIABLES } from "@/lib/inbox/quick-reply-variables";
import { CloseIcon } from "./icons";

/** Manage the team's quick replies: add, edit, delete, or insert one into the reply. */
export function QuickRepliesDialog({ onClose, onInsert }: { onClose: () => void; onInsert: (reply: QuickReplyJson) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { data, mutate } = useQuickReplies(true);
  const [editing, setEditing] = useState<QuickReplyJson | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="quick-replies-title"
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/30">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="quick-replies-title" className="text-sm font-semibold">Quick replies</h2>
        <button type="button" aria-label="Close" onClick={() => dialog.current?.close()} className="rounded p-1 text-slate-500 hover:bg-slate-100">
          <CloseIcon className="h-4 w-4" />
        </button>
      </div>
      <div className="max-h-[50vh] overflow-y-auto">
        {!data ? (
          <p className="px-4 py-6 text-sm text-slate-500">Loading…</p>
        ) : data.quickReplies.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">No quick replies yet. Add the answers your team types every day; insert them with “/shortcut”.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.quickReplies.map((reply) => (
              <li key={reply.id} className="flex items-start gap-3 px-4 py-2.5 text-sm">
                <button type="button" onClick={() => onInsert(reply)} className="min-w-0 flex-1 text-left hover:underline" aria-label={`Insert /${reply.shortcut}`}>
                  <span className="font-medium">/{reply.shortcut}</span>
                  <span className="block truncate text-slate-600">{reply.body}</span>
                </button>
                <button type="button" onClick={() => setEditing(reply)} className="text-slate-600 hover:text-slate-900 hover:underline">Edit</button>
                <button type="button" className="text-red-700 hover:underline"
                  onClick={async () => {
                    await requestJson(`/api/inbox/quick-replies/${reply.id}`, { method: "DELETE" });
                    await mutate();
                  }}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <QuickReplyForm key={editing?.id ?? "new"} editing={editing} onSaved={async () => { setEditing(null); await mutate(); }} onCancel={() => setEditing(null)} />
    </dialog>
  );
}

function QuickReplyForm({ editing, onSaved, onCancel }: { editing: QuickReplyJson | null; onSaved: () => Promise<void>; onCancel: () => void }) {
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="space-y-2 border-t border-slate-200 bg-slate-50 px-4 py-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaving(true);
        setError(null);
        try {
          await requestJson(editing ? `/api/inbox/quick-replies/${editing.id}` : "/api/inbox/quick-replies", {
            method: editing ? "PATCH" : "POST",
            body: { shortcut, body },
          });
          await onSaved();
          setShortcut("");
          setBody("");
        } catch (cause) {
          setError(cause instanceof Error ? cause.message : "Couldn't save");
        } finally {
          setSaving(false);
        }
      }}
    >
      <p className="text-xs font-medium text-slate-600">{editing ? `Edit /${editing.shortcut}` : "Add a quick reply"}</p>
      <div className="flex gap-2">
        <label className="w-40 shrink-0">
          <span className="sr-only">Shortcut</span>
          <input value={shortcut} onChange={(event) => setShortcut(event.target.value)} placeholder="shortcut" aria-label="Shortcut" required
            className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <label className="flex-1">
          <span className="sr-only">Reply text</span>
          <textarea value={body} onChange={(event) => setBody(event.target.value)} placeholder="What it inserts" aria-label="Reply text" required rows={3}
            aria-describedby="quick-reply-variables" className="block w-full resize-y rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
      </div>
      <p id="quick-reply-variables" className="text-xs text-slate-600">
        More than one line is fine. {QUICK_REPLY_VARIABLES.join(" and ")} become the customer's first name and yours.
      </p>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={saving} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {editing ? "Save" : "Add"}
        </button>
        {editing ? <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">Cancel</button> : null}
      </div>
    </form>
  );
}
