"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestJson } from "@/lib/swr/fetcher";

interface Setup {
  secret: string;
  otpauthUri: string;
}

/** Two-factor sign-in for one's own account: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorPanel({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { pending, message, run } = useAction();

  const codeOf = (event: FormEvent<HTMLFormElement>) => String(new FormData(event.currentTarget).get("code") ?? "");

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = codeOf(event);
    void run(async () => {
      const answer = await requestJson<{ recoveryCodes: string[] }>("/api/account/two-factor", { method: "PUT", body: { code } });
      setSetup(null);
      setRecoveryCodes(answer.recoveryCodes);
      router.refresh();
    }, "Two-factor sign-in is on.");
  }

  function onDisable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = codeOf(event);
    void run(async () => {
      await requestJson("/api/account/two-factor", { method: "DELETE", body: { code } });
      setRecoveryCodes(null);
      router.refresh();
    }, "Two-factor sign-in is off.");
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="two-factor-status">
        {enabled
          ? `Two-factor sign-in is on. ${recoveryCodesLeft} recovery code${recoveryCodesLeft === 1 ? "" : "s"} left.`
          : "Two-factor sign-in is off: your password alone lets anyone in."}
      </p>
      {recoveryCodes ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900">
            Recovery codes: each signs you in once if you lose your phone. Keep them somewhere safe; they are shown only now.
          </p>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!enabled && !setup ? (
        <Button
          disabled={pending}
          onClick={() => void run(async () => setSetup(await requestJson<Setup>("/api/account/two-factor", { method: "POST" })), "Add the key to your app.")}
        >
          Set up two-factor sign-in
        </Button>
      ) : null}
      {setup ? (
        <form onSubmit={onConfirm} className="space-y-3">
          <p className="text-sm text-slate-700">
            In your authenticator app, add an account with this key (or open the link on your phone), then type the 6-digit code it shows.
          </p>
          <code className="block break-all rounded bg-slate-100 px-2 py-1 text-sm" data-testid="two-factor-secret">
            {setup.secret}
          </code>
          <a href={setup.otpauthUri} className="text-sm text-brand-700 underline">
            Open in authenticator app
          </a>
          <TextField id="enrol-code" name="code" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" required />
          <Button type="submit" disabled={pending}>
            Turn on
          </Button>
        </form>
      ) : null}
      {enabled ? (
        <form onSubmit={onDisable} className="flex items-end gap-2">
          <TextField id="disable-code" name="code" label="Code (or a recovery code) to turn it off" autoComplete="one-time-code" required />
          <Button type="submit" variant="secondary" disabled={pending}>
            Turn off
          </Button>
        </form>
      ) : null}
      <ActionMessage message={message} />
    </div>
  );
}

/** Ends every session of this account (other browsers, a lost laptop), this one included. */
export function SignOutEverywhereButton() {
  const { pending, message, run } = useAction();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          void run(async () => {
            await requestJson("/api/account/sign-out-everywhere", { method: "POST" });
            await signOut({ callbackUrl: "/sign-in" });
          }, "Signed out everywhere.")
        }
      >
        Sign out everywhere
      </Button>
      <ActionMessage message={message} />
    </div>
  );
}
