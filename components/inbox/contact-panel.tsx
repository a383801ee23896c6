"use client";

import { channelLabel } from "@/lib/channels/catalog";
import { useState } from "react";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { LocalTime } from "@/components/ui/local-time";
import { avatarSrc, contactHandle, contactName, shortTime, sinceLabel } from "@/lib/inbox/format";
import { useConversation } from "@/lib/swr/use-conversation";
import { useAssignees } from "@/lib/swr/use-assignees";
import type { UpdateConversationInput } from "@/lib/validations/conversation";
import { LeadPanel } from "@/components/leads/lead-panel";
import { Avatar } from "./avatar";
import { ChannelIcon, CloseIcon } from "./icons";

export interface ContactPanelActions {
  update: (id: string, patch: UpdateConversationInput) => Promise<void>;
  block: (conversation: ConversationDetailJson) => Promise<void>;
  unblock: (conversation: ConversationDetailJson) => Promise<void>;
}

/** The contact, their lead (components/leads/lead-panel.tsx), the conversation's assignee, notes; archive and block. */
export function ContactPanel({ conversationId, actions, onClose }: { conversationId: string; actions: ContactPanelActions; onClose: () => void }) {
  const { data } = useConversation(conversationId);
  const team = useAssignees();
  const conversation = data?.conversation;
  if (!conversation) return <div className="flex-1 bg-white" aria-busy />;
  const { contact } = conversation;
  const name = contactName(contact);
  const handle = contactHandle(contact);

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-y-auto bg-white" data-testid="contact-panel">
      <div className="flex justify-end p-2 xl:hidden">
        <button type="button" aria-label="Close details" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100">
          <CloseIcon className="h-4 w-4" />
        </button>
      </div>
      <section className="flex flex-col items-center gap-1 px-4 pt-4 pb-5 text-center">
        <Avatar name={name} url={avatarSrc(contact)} size={56} />
        <h2 className="mt-2 text-sm font-semibold text-slate-900"><bdi>{name}</bdi></h2>
        {handle && handle !== name ? <p className="text-xs text-slate-500">{handle}</p> : null}
        <p className="flex items-center gap-1 text-xs text-slate-500">
          <ChannelIcon channel={conversation.channel} className="h-3.5 w-3.5" />
          {channelLabel(conversation.channel)} · customer since <LocalTime iso={contact.createdAt} format={sinceLabel} />
        </p>
      </section>

      <LeadPanel leadId={conversation.leadId} conversationId={conversation.id} team={team.data?.team ?? []} />

      <section className="space-y-3 border-t border-slate-100 px-4 py-4 text-sm">
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-slate-600">Assigned to</span>
          <select value={conversation.assignee?.id ?? ""} onChange={(event) => actions.update(conversation.id, { assigneeId: event.target.value || null })}
            className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5">
            <option value="">Unassigned</option>
            {conversation.assignee && !team.data?.team.some((member) => member.id === conversation.assignee!.id) ? (
              <option value={conversation.assignee.id}>{conversation.assignee.name}</option>
            ) : null}
            {team.data?.team.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
          </select>
        </label>
        <div className="flex gap-2 pt-1">
          <button type="button" onClick={() => actions.update(conversation.id, { status: conversation.status === "ARCHIVED" ? "OPEN" : "ARCHIVED" })}
            className="flex-1 rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
            {conversation.status === "ARCHIVED" ? "Unarchive" : "Archive"}
          </button>
          <button type="button" onClick={() => (conversation.blocked ? actions.unblock(conversation) : actions.block(conversation))}
            className="flex-1 rounded-md border border-red-200 px-3 py-1.5 font-medium text-red-700 hover:bg-red-50">
            {conversation.blocked ? "Unblock" : "Block"}
          </button>
        </div>
      </section>

      <Notes key={conversation.id} conversation={conversation} onAdd={(note) => actions.update(conversation.id, { note })} />
    </div>
  );
}

function Notes({ conversation, onAdd }: { conversation: ConversationDetailJson; onAdd: (note: string) => Promise<void> }) {
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const notes = conversation.contact.lead?.notes ?? [];
  return (
    <section className="border-t border-slate-100 px-4 py-4 text-sm" aria-labelledby="notes-title">
      <h3 id="notes-title" className="mb-2 text-xs font-medium text-slate-600">Notes</h3>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!note.trim()) return;
          setSaving(true);
          try {
            await onAdd(note.trim());
            setNote("");
          } finally {
            setSaving(false);
          }
        }}
      >
        <label htmlFor="lead-note" className="sr-only">Add a note</label>
        <textarea id="lead-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} placeholder="Add a note for the team…"
          className="block w-full resize-none rounded-md border border-slate-300 px-2 py-1.5 placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
        <button type="submit" disabled={saving || !note.trim()} className="mt-2 rounded-md bg-slate-900 px-3 py-1 text-xs font-medium text-white hover:bg-slate-700 disabled:bg-slate-200 disabled:text-slate-400">
          Add note
        </button>
      </form>
      <ul className="mt-3 space-y-2">
        {notes.map((item) => (
          <li key={item.id} className="rounded-md bg-amber-50 px-3 py-2">
            <p className="whitespace-pre-wrap text-slate-800">{item.body}</p>
            <p className="mt-1 text-xs text-slate-500">{item.author?.name ?? "Former teammate"} · <LocalTime iso={item.createdAt} format={shortTime} /></p>
          </li>
        ))}
      </ul>
    </section>
  );
}
