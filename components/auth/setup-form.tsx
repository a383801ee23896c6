"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { setupAdmin, type SetupState } from "@/app/(auth)/setup/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

export function SetupForm() {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (previous: SetupState, form: FormData) => {
    const result = await setupAdmin(previous, form);
    if (result.ok && result.email) {
      // The new admin goes straight into the inbox rather than typing the password twice.
      await signIn("credentials", { email: result.email, password: String(form.get("password")), redirect: false });
      router.replace("/inbox");
      router.refresh();
    }
    return result;
  }, { ok: false });

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField id="name" name="name" label="Your name" autoComplete="name" required error={state.fieldErrors?.name} defaultValue={state.values?.name} autoFocus />
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" required error={state.fieldErrors?.email} defaultValue={state.values?.email} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password (8+ characters)"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
      />
      {state.formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending || state.ok ? "Creating your account…" : "Create admin account"}
      </Button>
    </form>
  );
}
