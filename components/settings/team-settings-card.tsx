"use client";

import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { SelectField } from "@/components/settings/select-field";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TeamSettingsValues } from "@/lib/settings/team-settings-values";
import { requestJson } from "@/lib/swr/fetcher";
import { updateTeamSettingsSchema } from "@/lib/validations/team-settings";

const VISIBILITY_OPTIONS = [
  ["ALL", "All conversations and leads"],
  ["OWN_AND_UNASSIGNED", "Their own and unassigned ones"],
] as const;

/** Who agents see, and the currency new leads start in: PATCH /api/settings/team-settings. */
export function TeamSettingsCard({ initial, onSaved }: { initial: TeamSettingsValues; onSaved: () => void }) {
  const [saved, setSaved] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const { pending, message, run } = useAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTeamSettingsSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget).entries()));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    void run(async () => {
      setSaved(await requestJson<TeamSettingsValues>("/api/settings/team-settings", { method: "PATCH", body: parsed.data }));
      onSaved();
    }, "Saved. Agents see the change on their next refresh.");
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Team settings" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="text-sm font-semibold text-slate-900">Team settings</h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField id="team-agent-visibility" name="agentVisibility" label="Agents see" defaultValue={saved.agentVisibility} options={VISIBILITY_OPTIONS} />
        <TextField id="team-default-currency" name="defaultCurrency" label="Currency of new leads" defaultValue={saved.defaultCurrency} maxLength={3} error={error} />
      </div>
      <p className="mt-2 text-xs text-slate-500">Admins always see everything. Agents never see another rep&apos;s conversations or leads when limited.</p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save team settings"}</Button>
        <ActionMessage message={message} />
      </div>
    </form>
  );
}
