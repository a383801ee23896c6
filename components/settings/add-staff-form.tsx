"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { createStaffSchema, type CreateStaffInput } from "@/lib/validations/settings";

type FieldErrors = Partial<Record<keyof CreateStaffInput, string>>;

export function AddStaffForm({ onAdded }: { onAdded: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "good" | "bad"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = Object.fromEntries(new FormData(formElement).entries());
    const parsed = createStaffSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setErrors({});
    setPending(true);
    setMessage(null);
    try {
      await requestJson("/api/settings/users", { method: "POST", body: parsed.data });
      formElement.reset();
      setMessage({ tone: "good", text: `Added ${parsed.data.name}. Share the password with them privately.` });
      onAdded();
    } catch (error) {
      if (error instanceof FetchError) setErrors(Object.fromEntries(error.details.map((detail) => [detail.field, detail.issue])));
      setMessage({ tone: "bad", text: error instanceof Error ? error.message : "Could not add the staff member" });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a staff member" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="text-sm font-semibold text-slate-900">Add a staff member</h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField id="staff-name" name="name" label="Name" autoComplete="off" error={errors.name} />
        <TextField id="staff-email" name="email" type="email" label="Email" autoComplete="off" error={errors.email} />
        <div>
          <label htmlFor="staff-role" className="mb-1 block text-sm font-medium text-slate-700">Role</label>
          <select id="staff-role" name="role" defaultValue="AGENT" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="AGENT">Agent</option>
            <option value="ADMIN">Admin</option>
          </select>
        </div>
        <TextField id="staff-password" name="password" type="password" label="Initial password" autoComplete="new-password" error={errors.password} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add staff member"}</Button>
        {message ? (
          <p role={message.tone === "bad" ? "alert" : "status"} className={`text-sm ${message.tone === "bad" ? "text-red-700" : "text-emerald-700"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
