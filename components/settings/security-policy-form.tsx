"use client";

import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SecurityPolicy } from "@/lib/users/security-policy";
import { requestJson } from "@/lib/swr/fetcher";
import { securityPolicySchema } from "@/lib/validations/security";

/** The team's sign-in rules: two-factor for admins, session idle timeout and absolute lifetime. */
export function SecurityPolicyForm({ initial }: { initial: SecurityPolicy }) {
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const { pending, message, run } = useAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = securityPolicySchema.safeParse({
      requireTwoFactorForAdmins: form.get("requireTwoFactorForAdmins") === "on",
      sessionIdleMinutes: Number(form.get("sessionIdleMinutes")),
      sessionMaxHours: Number(form.get("sessionMaxHours")),
    });
    if (!parsed.success) {
      return setInvalid(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
    }
    setInvalid({});
    void run(() => requestJson("/api/settings/security", { method: "PUT", body: parsed.data }), "Saved.");
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="requireTwoFactorForAdmins" defaultChecked={initial.requireTwoFactorForAdmins} />
        Require two-factor sign-in for admins
      </label>
      <TextField id="sessionIdleMinutes" name="sessionIdleMinutes" type="number" label="Sign out after this many idle minutes"
        defaultValue={initial.sessionIdleMinutes} min={5} error={invalid.sessionIdleMinutes} />
      <TextField id="sessionMaxHours" name="sessionMaxHours" type="number" label="Sign out this many hours after signing in"
        defaultValue={initial.sessionMaxHours} min={1} error={invalid.sessionMaxHours} />
      <Button type="submit" disabled={pending}>Save</Button>
      <ActionMessage message={message} />
    </form>
  );
}
