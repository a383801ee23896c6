"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ChannelIcon } from "@/components/inbox/icons";
import type { TeamMember } from "@/lib/inbox/api-types";
import { LEAD_STATUSES, type LeadStatusValue } from "@/lib/inbox/constants";
import type { LeadJson } from "@/lib/leads/api-types";
import { LEAD_STATUS_LABEL } from "@/lib/leads/constants";
import { currencyDigits, parseMoney } from "@/lib/leads/money";
import { FetchError } from "@/lib/swr/fetcher";
import { useLead } from "@/lib/swr/use-lead";
import { useLeadActions } from "@/lib/swr/use-lead-actions";
import { useLeadDuplicates } from "@/lib/swr/use-lead-duplicates";
import { useLeadSearch } from "@/lib/swr/use-lead-search";
import { channelLabel, LeadChannels, sourceSentence } from "./lead-badges";
import { LostReasonDialog } from "./lost-reason-dialog";

const fieldClass = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const labelClass = "mb-1 block text-xs font-medium text-slate-600";

type Actions = ReturnType<typeof useLeadActions>;

/**
 * The lead behind the open conversation, in the inbox's side panel: the person across channels
 * (name, stage, value, owner, where they came from, their other conversations) and the tools to
 * make one lead of one person — merge a suggested duplicate, link to a lead found by search,
 * split a contact back out.
 */
export function LeadPanel({ leadId, conversationId, team }: { leadId: string; conversationId: string; team: TeamMember[] }) {
  const { data } = useLead(leadId);
  const actions = useLeadActions();
  const [error, setError] = useState<string | null>(null);
  const lead = data?.lead;
  if (!lead) return <section className="border-t border-slate-100 px-4 py-4" aria-busy />;

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof FetchError ? caught.message : "Something went wrong. Please try again.");
    }
  };
  const source = sourceSentence(lead.source);
  const others = lead.conversations.filter((conversation) => conversation.id !== conversationId);

  return (
    <section className="space-y-4 border-t border-slate-100 px-4 py-4 text-sm" aria-labelledby="lead-title" data-testid="lead-panel">
      <h3 id="lead-title" className="sr-only">Lead</h3>
      {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-800">{error}</p> : null}
      <LeadFields key={lead.id} lead={lead} team={team} onSave={(patch) => run(() => actions.update(lead.id, patch))} />
      {source ? <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="lead-source">{source}</p> : null}
      {others.length > 0 ? (
        <div>
          <p className={labelClass}>Also talking to them</p>
          <ul className="space-y-1">
            {others.map((conversation) => (
              <li key={conversation.id}>
                <Link href={`/inbox?c=${encodeURIComponent(conversation.id)}`} className="flex items-center gap-2 rounded-md px-2 py-1 text-slate-700 hover:bg-slate-50">
                  <ChannelIcon channel={conversation.channel} className="h-3.5 w-3.5" />
                  <span>also on {channelLabel(conversation.channel)} — open</span>
                  {conversation.unreadCount > 0 ? <span className="ml-auto rounded-full bg-brand-600 px-1.5 text-xs text-white">{conversation.unreadCount}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {lead.contacts.length > 1 ? <Contacts lead={lead} run={run} actions={actions} /> : null}
      <Duplicates lead={lead} run={run} actions={actions} />
      <LinkToLead lead={lead} run={run} actions={actions} />
    </section>
  );
}

function LeadFields({ lead, team, onSave }: { lead: LeadJson; team: TeamMember[]; onSave: (patch: Parameters<Actions["update"]>[1]) => Promise<void> }) {
  const [name, setName] = useState(lead.name);
  const [value, setValue] = useState(valueText(lead));
  const [currency, setCurrency] = useState(lead.currency);
  const [valueError, setValueError] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const lastSent = useRef<string | null>(null);
  useEffect(() => setName(lead.name), [lead.name]);
  useEffect(() => {
    setValue(valueText(lead));
    setCurrency(lead.currency);
  }, [lead]);

  const saveValue = () => {
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setValueError("Use a three-letter currency code such as EUR");
    const minor = parseMoney(value, code);
    if (Number.isNaN(minor)) return setValueError("Type an amount such as 1250 or 1250.50");
    setValueError(null);
    // Enter then blur would otherwise send the same change twice before the lead refetches.
    const key = `${minor}:${code}`;
    if ((minor === lead.value && code === lead.currency) || lastSent.current === key) return;
    lastSent.current = key;
    void onSave({ value: minor, currency: code });
  };

  return (
    <div className="space-y-3">
      <label className="block">
        <span className={labelClass}>Lead name</span>
        <input
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => name.trim() !== lead.name && void onSave({ name: name.trim() || null })}
          onKeyDown={(event) => event.key === "Enter" && event.currentTarget.blur()}
          className={fieldClass}
        />
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className={labelClass}>Stage</span>
          <select value={lead.status} aria-label="Lead status" className={fieldClass}
            onChange={(event) => {
              const status = event.target.value as LeadStatusValue;
              if (status === "LOST") setLosing(true);
              else void onSave({ status });
            }}>
            {LEAD_STATUSES.map((status) => <option key={status} value={status}>{LEAD_STATUS_LABEL[status]}</option>)}
          </select>
        </label>
        <label className="block">
          <span className={labelClass}>Owner</span>
          <select value={lead.owner?.id ?? ""} className={fieldClass} onChange={(event) => void onSave({ ownerId: event.target.value || null })}>
            <option value="">Unassigned</option>
            {lead.owner && !team.some((member) => member.id === lead.owner!.id) ? <option value={lead.owner.id}>{lead.owner.name}</option> : null}
            {team.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
          </select>
        </label>
      </div>
      {lead.status === "LOST" && lead.lostReason ? <p className="text-xs text-slate-500">Lost: {lead.lostReason}</p> : null}
      <div>
        <span className={labelClass} id="lead-value-label">Deal value</span>
        <div className="flex gap-2">
          <input aria-labelledby="lead-value-label" inputMode="decimal" value={value} placeholder="0" onChange={(event) => setValue(event.target.value)} onBlur={saveValue}
            onKeyDown={(event) => event.key === "Enter" && saveValue()}
            aria-invalid={valueError ? true : undefined} aria-describedby={valueError ? "lead-value-error" : undefined} className={`${fieldClass} text-right tabular-nums`} />
          <input aria-label="Currency" value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value.toUpperCase())} onBlur={saveValue}
            onKeyDown={(event) => event.key === "Enter" && saveValue()} className={`${fieldClass} w-16 uppercase`} />
        </div>
        {valueError ? <p id="lead-value-error" className="mt-1 text-xs text-red-700">{valueError}</p> : null}
      </div>
      {losing ? (
        <LostReasonDialog
          leadName={lead.name}
          onCancel={() => setLosing(false)}
          onConfirm={(reason) => {
            setLosing(false);
            void onSave({ status: "LOST", ...(reason ? { lostReason: reason } : {}) });
          }}
        />
      ) : null}
    </div>
  );
}

function valueText(lead: Pick<LeadJson, "value" | "currency">): string {
  if (lead.value === null) return "";
  const digits = currencyDigits(lead.currency);
  const amount = lead.value / 10 ** digits;
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(digits);
}

function Contacts({ lead, run, actions }: { lead: LeadJson; run: (work: () => Promise<unknown>) => Promise<void>; actions: Actions }) {
  return (
    <div>
      <p className={labelClass}>Identities</p>
      <ul className="space-y-1">
        {lead.contacts.map((contact) => (
          <li key={contact.id} className="flex items-center gap-2 rounded-md px-2 py-1 text-slate-700">
            <ChannelIcon channel={contact.channel} className="h-3.5 w-3.5 shrink-0" title={channelLabel(contact.channel)} />
            <span className="min-w-0 flex-1 truncate">
              {contact.displayName ?? contact.externalId}
              <span className="ml-1 text-xs text-slate-500">{contact.username ? `@${contact.username}` : contact.phone ? `+${contact.phone}` : ""}</span>
            </span>
            <button type="button" className="text-xs text-slate-500 underline hover:text-slate-900"
              onClick={() => void run(() => actions.split(lead.id, contact.id))}>
              Split out
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Duplicates({ lead, run, actions }: { lead: LeadJson; run: (work: () => Promise<unknown>) => Promise<void>; actions: Actions }) {
  const { data, mutate } = useLeadDuplicates(lead.id);
  const duplicates = data?.duplicates ?? [];
  if (duplicates.length === 0) return null;
  return (
    <div data-testid="lead-duplicates">
      <p className={labelClass}>Possibly the same person</p>
      <ul className="space-y-1.5">
        {duplicates.map(({ lead: other, reasons }) => (
          <li key={other.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1.5">
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-1.5 truncate font-medium text-slate-800">{other.name} <LeadChannels lead={other} /></p>
              <p className="text-xs text-slate-500">Same {reasons.join(" and ")} · {LEAD_STATUS_LABEL[other.status]}</p>
            </div>
            <button type="button" className="rounded-md bg-slate-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-slate-700"
              aria-label={`Merge ${other.name} into this lead`}
              onClick={() => void run(async () => {
                await actions.merge(lead.id, other.id);
                await mutate();
              })}>
              Merge
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Search for the lead this person already is, and make this conversation's lead part of it. */
function LinkToLead({ lead, run, actions }: { lead: LeadJson; run: (work: () => Promise<unknown>) => Promise<void>; actions: Actions }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const { data } = useLeadSearch(open ? q : "");
  const results = (data?.leads ?? []).filter((candidate) => candidate.id !== lead.id);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-xs font-medium text-brand-700 hover:underline">
        Link to existing lead…
      </button>
    );
  }
  return (
    <div>
      <label className="block">
        <span className={labelClass}>Link to existing lead</span>
        <input type="search" autoFocus value={q} onChange={(event) => setQ(event.target.value)} placeholder="Name, @username or phone" className={fieldClass} />
      </label>
      <ul className="mt-1 space-y-1">
        {results.map((candidate) => (
          <li key={candidate.id} className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-50">
            <span className="min-w-0 flex-1 truncate">{candidate.name}</span>
            <LeadChannels lead={candidate} />
            <button type="button" className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-white"
              aria-label={`Link to ${candidate.name}`}
              onClick={() => void run(async () => {
                await actions.merge(candidate.id, lead.id);
                setOpen(false);
              })}>
              Link
            </button>
          </li>
        ))}
        {q.trim().length >= 2 && data && results.length === 0 ? <li className="px-2 py-1 text-xs text-slate-500">No other lead matches.</li> : null}
      </ul>
      <button type="button" onClick={() => setOpen(false)} className="mt-1 text-xs text-slate-500 underline">Cancel</button>
    </div>
  );
}
