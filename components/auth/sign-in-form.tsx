"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

// The error names lib/auth.ts throws (a server module: not imported into the browser bundle).
const THROTTLED = "TooManyAttempts";
const CODE_REQUIRED = "TwoFactorRequired";
const CODE_INVALID = "TwoFactorInvalid";

export function SignInForm({ callbackUrl, initialEmail }: { callbackUrl: string; initialEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a right password for an account with two-factor sign-in, the form asks for the code too.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    if (result?.error === CODE_REQUIRED) {
      setNeedsCode(true);
      return;
    }
    setError(
      result?.error === THROTTLED
        ? "Too many failed attempts from here. Wait a minute and try again."
        : result?.error === CODE_INVALID
          ? "That code doesn't match. Use the newest code from your authenticator app, or a recovery code."
          : "That email and password don't match an active account.",
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" required defaultValue={initialEmail} autoFocus />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      {needsCode ? (
        <TextField
          id="code"
          name="code"
          label="Authentication code"
          inputMode="text"
          autoComplete="one-time-code"
          placeholder="123456 or a recovery code"
          required
          autoFocus
        />
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
