"use client";

import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { LabelJson } from "@/lib/labels/conversation-labels";
import { requestJson } from "@/lib/swr/fetcher";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { useLabels } from "@/lib/swr/use-labels";
import { createLabelSchema } from "@/lib/validations/label";

/** Admins add, rename, recolour and remove the team's labels. */
export function LabelsPanel({ initial }: { initial: LabelJson[] }) {
  const { data, mutate } = useLabels();
  const { mutate: mutateKey } = useSWRConfig();
  const [invalid, setInvalid] = useState<string | null>(null);
  const { pending, message, run } = useAction();
  const labels = data?.labels ?? initial;

  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      setInvalid(null);
      await action();
      await mutate();
      void mutateKey(auditLogKey("label"));
    }, done);

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = createLabelSchema.safeParse(Object.fromEntries(new FormData(form).entries()));
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? "Check the form");
    void act(async () => {
      await requestJson("/api/settings/labels", { method: "POST", body: parsed.data });
      form.reset();
    }, `Added “${parsed.data.name}”.`);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onAdd} noValidate aria-label="Add a label" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h3 className="text-sm font-semibold text-slate-900">Add a label</h3>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <TextField id="label-name" name="name" label="Name" autoComplete="off" className="min-w-48 flex-1" />
          <div>
            <label htmlFor="label-color" className="mb-1 block text-sm font-medium text-slate-700">Colour</label>
            <input id="label-color" name="color" type="color" defaultValue="#6366f1" className="h-9 w-14 rounded border border-slate-300" />
          </div>
          <Button type="submit" disabled={pending}>Add label</Button>
        </div>
        <ActionMessage className="mt-3" message={invalid ? { tone: "bad", text: invalid } : message} />
      </form>

      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        {labels.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">No labels yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Labels">
            {labels.map((label) => (
              <LabelRow key={`${label.id}-${label.name}-${label.color}`} label={label} pending={pending} act={act} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function LabelRow({ label, pending, act }: { label: LabelJson; pending: boolean; act: (action: () => Promise<unknown>, done: string) => Promise<unknown> }) {
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const changed = name.trim() !== label.name || color !== label.color;
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="label-row">
      <input aria-label={`Colour of ${label.name}`} type="color" value={color} onChange={(event) => setColor(event.target.value)} className="h-8 w-10 rounded border border-slate-300" />
      <input aria-label={`Name of ${label.name}`} value={name} onChange={(event) => setName(event.target.value)}
        className="min-w-40 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      <Button variant="secondary" className="py-1" disabled={pending || !changed}
        onClick={() => void act(() => requestJson(`/api/settings/labels/${label.id}`, { method: "PATCH", body: { name, color } }), "Saved.")}>
        Save
      </Button>
      <Button variant="ghost" className="py-1 text-red-700" disabled={pending}
        onClick={() => void act(() => requestJson(`/api/settings/labels/${label.id}`, { method: "DELETE" }), `Removed “${label.name}” from every conversation.`)}>
        Delete
      </Button>
    </li>
  );
}
