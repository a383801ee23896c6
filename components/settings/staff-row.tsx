"use client";

import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import type { StaffMember } from "@/lib/settings/list-users";
import { requestJson } from "@/lib/swr/fetcher";
import { passwordSchema } from "@/lib/validations/auth";

/** One team member: role, status and the actions an admin can take on them. */
export function StaffRow({ member, isSelf, onChanged }: { member: StaffMember; isSelf: boolean; onChanged: () => void }) {
  const [resetting, setResetting] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { pending, message, run } = useAction();
  const disabled = Boolean(member.disabledAt);

  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      setInvalid(null);
      await action();
      onChanged();
    }, done);

  const patch = (body: object, done: string) =>
    act(() => requestJson(`/api/settings/users/${member.id}`, { method: "PATCH", body }), done);

  function onReset(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? "Invalid password");
    setResetting(false);
    void act(() => requestJson(`/api/settings/users/${member.id}/password`, { method: "POST", body: { password } }), "Password reset; their sessions have ended.");
  }

  return (
    <tr data-testid={`staff-${member.email}`} className={`block py-2 sm:table-row sm:py-0 ${disabled ? "bg-slate-50 text-slate-500" : ""}`}>
      <td className="block px-4 py-1.5 align-top sm:table-cell sm:py-3">
        <div className="font-medium text-slate-900">
          {member.name} {isSelf ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
        </div>
        <div className="text-sm break-all text-slate-600">{member.email}</div>
        <ActionMessage className="mt-1" message={invalid ? { tone: "bad", text: invalid } : message} />
      </td>
      <td className="block px-4 py-1.5 align-top sm:table-cell sm:py-3">
        <label className="sr-only" htmlFor={`role-${member.id}`}>Role of {member.name}</label>
        <select
          id={`role-${member.id}`}
          value={member.role}
          disabled={pending}
          onChange={(event) => void patch({ role: event.target.value }, "Role changed.")}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="AGENT">Agent</option>
          <option value="ADMIN">Admin</option>
        </select>
      </td>
      <td className="block px-4 py-1.5 align-top text-sm sm:table-cell sm:py-3">
        {disabled ? (
          <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Disabled</span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">Active</span>
        )}
      </td>
      <td className="block px-4 py-1.5 align-top sm:table-cell sm:py-3">
        <div className="flex flex-wrap gap-2 sm:justify-end">
          {resetting ? (
            <form onSubmit={onReset} className="flex gap-2" aria-label={`New password for ${member.name}`}>
              <input name="password" type="password" autoComplete="new-password" placeholder="New password" aria-label="New password"
                className="w-40 rounded-md border border-slate-300 px-2 py-1 text-sm" autoFocus />
              <Button type="submit" variant="secondary" className="py-1">Set</Button>
              <Button variant="ghost" className="py-1" onClick={() => setResetting(false)}>Cancel</Button>
            </form>
          ) : (
            <Button variant="secondary" className="py-1" disabled={pending} onClick={() => setResetting(true)}>Reset password</Button>
          )}
          {disabled ? null : (
            <Button variant="secondary" className="py-1" disabled={pending}
              onClick={() => void act(() => requestJson(`/api/settings/users/${member.id}/sign-out-everywhere`, { method: "POST" }), "Signed out everywhere.")}>
              Sign out everywhere
            </Button>
          )}
          {disabled ? (
            <Button variant="secondary" className="py-1" disabled={pending} onClick={() => void patch({ disabled: false }, "Re-enabled.")}>Re-enable</Button>
          ) : (
            <Button variant="danger" className="py-1" disabled={pending} onClick={() => void patch({ disabled: true }, "Disabled; their sessions have ended.")}>Disable</Button>
          )}
        </div>
      </td>
    </tr>
  );
}
