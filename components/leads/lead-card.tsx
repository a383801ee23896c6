"use client";

import { useDraggable } from "@dnd-kit/core";
import type { KeyboardEvent } from "react";
import { Avatar } from "@/components/inbox/avatar";
import type { LeadJson } from "@/lib/leads/api-types";
import { formatMoney } from "@/lib/leads/money";
import { LeadChannels, SourceBadge } from "./lead-badges";
import { TimeSince } from "./time-since";

/** A lead on the board: drag it (pointer, touch, or Space + arrows) to another stage; click or Enter opens its conversation. */
export function LeadCard({ lead, onOpen, overlay = false }: { lead: LeadJson; onOpen?: (lead: LeadJson) => void; overlay?: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: overlay });
  const unread = lead.conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && onOpen) {
      event.preventDefault();
      onOpen(lead);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <div
      ref={overlay ? undefined : setNodeRef}
      {...(overlay ? {} : attributes)}
      {...(overlay ? {} : listeners)}
      onKeyDown={overlay ? undefined : onKeyDown}
      onClick={() => onOpen?.(lead)}
      aria-roledescription="lead card"
      aria-label={`${lead.name}${lead.value !== null ? `, ${formatMoney(lead.value, lead.currency)}` : ""}${lead.owner ? `, owned by ${lead.owner.name}` : ", unassigned"}`}
      data-testid="lead-card"
      data-lead-id={lead.id}
      className={`group cursor-grab touch-manipulation rounded-lg border bg-white p-3 text-left shadow-sm transition-shadow select-none hover:shadow-md active:cursor-grabbing ${
        isDragging ? "opacity-40" : ""
      } ${overlay ? "rotate-1 cursor-grabbing shadow-lg ring-2 ring-brand-500" : "border-slate-200"}`}
    >
      <div className="flex items-start gap-2">
        <Avatar name={lead.name} url={lead.contacts[0]?.avatarUrl ?? null} size={28} />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            <p className="truncate text-sm font-medium text-slate-900">{lead.name}</p>
            {unread > 0 ? <span className="h-2 w-2 shrink-0 rounded-full bg-brand-600" title={`${unread} unread`} /> : null}
          </div>
          <div className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
            <LeadChannels lead={lead} />
            <TimeSince iso={lead.lastCustomerMessageAt} />
          </div>
        </div>
        {lead.value !== null ? <span className="shrink-0 text-sm font-semibold text-slate-900 tabular-nums">{formatMoney(lead.value, lead.currency)}</span> : null}
      </div>
      <div className="mt-2 flex items-center justify-between gap-2 text-xs">
        <span className={`truncate ${lead.owner ? "text-slate-600" : "text-slate-400 italic"}`}>{lead.owner?.name ?? "Unassigned"}</span>
        <SourceBadge source={lead.source} />
      </div>
    </div>
  );
}
