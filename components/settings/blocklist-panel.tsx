"use client";

import { channelCatalog, channelLabel } from "@/lib/channels/catalog";
import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage } from "@/components/settings/action-message";
import { SelectField } from "@/components/settings/select-field";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { BlockedEntry } from "@/lib/inbox/blocklist";
import { requestJson } from "@/lib/swr/fetcher";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { useBlocklist } from "@/lib/swr/use-blocklist";
import { blockContactSchema } from "@/lib/validations/settings";
import { LocalTime } from "@/components/ui/local-time";
import { dateLabel } from "@/lib/inbox/format";

const CHANNEL_OPTIONS = channelCatalog.map((meta) => [meta.dbChannel, meta.label] as const);
const IDENTIFIER_HINTS = channelCatalog.map((meta) => `${meta.identifierHint} on ${meta.label}`).join("; ");

export function BlocklistPanel({ initial }: { initial: BlockedEntry[] }) {
  const { data, mutate } = useBlocklist(initial);
  const { mutate: mutateKey } = useSWRConfig();
  const [invalid, setInvalid] = useState<string | null>(null);
  const { pending, message, run } = useAction();
  const blocked = data?.blocked ?? initial;

  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      setInvalid(null);
      await action();
      await mutate();
      void mutateKey(auditLogKey("blocklist"));
    }, done);

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = Object.fromEntries(new FormData(formElement).entries());
    const parsed = blockContactSchema.safeParse({ ...values, reason: values.reason || undefined });
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? "Check the form");
    void act(async () => {
      await requestJson("/api/settings/blocklist", { method: "POST", body: parsed.data });
      formElement.reset();
    }, "Blocked. Their conversations are hidden from the inbox.");
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onAdd} noValidate aria-label="Block a contact" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h3 className="text-sm font-semibold text-slate-900">Block someone</h3>
        <p className="mt-1 text-sm text-slate-600">
          Their conversations leave the inbox and new messages from them are ignored. Use {IDENTIFIER_HINTS}.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_1fr]">
          <SelectField id="block-channel" name="channel" label="Channel" defaultValue="INSTAGRAM" options={CHANNEL_OPTIONS} />
          <TextField id="block-identifier" name="identifier" label="Id, @username or phone" autoComplete="off" />
          <TextField id="block-reason" name="reason" label="Reason (optional)" autoComplete="off" />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="danger" disabled={pending}>Block</Button>
          <ActionMessage message={invalid ? { tone: "bad", text: invalid } : message} />
        </div>
      </form>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        {blocked.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">Nobody is blocked.</p>
        ) : (
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <caption className="sr-only">Blocked contacts</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Contact</th>
                <th scope="col" className="px-4 py-2">Reason</th>
                <th scope="col" className="px-4 py-2">Blocked</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {blocked.map((entry) => (
                <tr key={entry.id} data-testid={`blocked-${entry.externalId}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium text-slate-900">{entry.name ?? entry.externalId}</div>
                    <div className="text-slate-600">
                      {channelLabel(entry.channel)} · <span className="font-mono text-xs">{entry.externalId}</span>
                      {entry.hiddenConversations > 0 ? ` · ${entry.hiddenConversations} hidden conversation${entry.hiddenConversations === 1 ? "" : "s"}` : ""}
                    </div>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{entry.reason ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-600">
                    <LocalTime iso={entry.createdAt} format={dateLabel} />
                    {entry.createdBy ? ` by ${entry.createdBy.name}` : ""}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      variant="secondary"
                      className="py-1"
                      disabled={pending}
                      onClick={() =>
                        void act(
                          () => requestJson(`/api/settings/blocklist/${entry.channel}/${encodeURIComponent(entry.externalId)}`, { method: "DELETE" }),
                          "Unblocked. Their conversations are back in the inbox.",
                        )
                      }
                    >
                      Unblock
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
