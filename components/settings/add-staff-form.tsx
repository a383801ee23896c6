"use client";

import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { SelectField } from "@/components/settings/select-field";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { createStaffSchema, type CreateStaffInput } from "@/lib/validations/settings";

type FieldErrors = Partial<Record<keyof CreateStaffInput, string>>;

export function AddStaffForm({ onAdded }: { onAdded: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const { pending, message, run } = useAction();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const parsed = createStaffSchema.safeParse(Object.fromEntries(new FormData(formElement).entries()));
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setErrors({});
    void run(async () => {
      try {
        await requestJson("/api/settings/users", { method: "POST", body: parsed.data });
      } catch (error) {
        if (error instanceof FetchError) setErrors(Object.fromEntries(error.details.map((detail) => [detail.field, detail.issue])));
        throw error;
      }
      formElement.reset();
      onAdded();
    }, `Added ${parsed.data.name}. Share the password with them privately.`);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a staff member" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="text-sm font-semibold text-slate-900">Add a staff member</h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField id="staff-name" name="name" label="Name" autoComplete="off" error={errors.name} />
        <TextField id="staff-email" name="email" type="email" label="Email" autoComplete="off" error={errors.email} />
        <SelectField id="staff-role" name="role" label="Role" defaultValue="AGENT" options={[["AGENT", "Agent"], ["ADMIN", "Admin"]]} />
        <TextField id="staff-password" name="password" type="password" label="Initial password" autoComplete="new-password" error={errors.password} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add staff member"}</Button>
        <ActionMessage message={message} />
      </div>
    </form>
  );
}
