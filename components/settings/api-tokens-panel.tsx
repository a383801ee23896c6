"use client";

import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage } from "@/components/settings/action-message";
import { CopyField } from "@/components/settings/copy-field";
import { SelectField } from "@/components/settings/select-field";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import type { ApiTokenSummary } from "@/lib/api-tokens/list-api-tokens";
import { dateLabel } from "@/lib/inbox/format";
import { requestJson } from "@/lib/swr/fetcher";
import { useApiTokens } from "@/lib/swr/use-api-tokens";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { createApiTokenSchema } from "@/lib/validations/api-tokens";

const SCOPE_LABELS = { read: "Read", read_write: "Read and write" } as const;

export function ApiTokensPanel({ initial }: { initial: ApiTokenSummary[] }) {
  const { data, mutate } = useApiTokens(initial);
  const { mutate: mutateKey } = useSWRConfig();
  const [invalid, setInvalid] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { pending, message, run } = useAction();
  const tokens = data?.tokens ?? initial;

  const refresh = async () => {
    await mutate();
    void mutateKey(auditLogKey("api-token"));
  };

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const parsed = createApiTokenSchema.safeParse(Object.fromEntries(new FormData(formElement).entries()));
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? "Check the form");
    setInvalid(null);
    void run(async () => {
      const result = await requestJson<{ id: string; token: string }>("/api/settings/api-tokens", { method: "POST", body: parsed.data });
      setCreated({ name: parsed.data.name, token: result.token });
      formElement.reset();
      await refresh();
    }, "Token created. Copy it now: it is shown only once.");
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} noValidate aria-label="Create an API token" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h3 className="text-sm font-semibold text-slate-900">Create a token</h3>
        <p className="mt-1 text-sm text-slate-600">
          Send it as <code className="font-mono text-xs">Authorization: Bearer …</code>. Replies sent with it are recorded as sent by you.
          See the <a className="text-brand-700 underline" href="/api/v1/docs">API reference</a>.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_12rem]">
          <TextField id="token-name" name="name" label="Name" autoComplete="off" placeholder="e.g. CRM sync" />
          <SelectField id="token-scope" name="scope" label="Access" defaultValue="read" options={[["read", SCOPE_LABELS.read], ["read_write", SCOPE_LABELS.read_write]]} />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>Create token</Button>
          <ActionMessage message={invalid ? { tone: "bad", text: invalid } : message} />
        </div>
        {created ? (
          <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">
            <CopyField id="new-token" label={`New token “${created.name}” — shown only once`} value={created.token} />
          </div>
        ) : null}
      </form>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        {tokens.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">No API tokens yet.</p>
        ) : (
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Token</th>
                <th scope="col" className="px-4 py-2">Access</th>
                <th scope="col" className="px-4 py-2">Created</th>
                <th scope="col" className="px-4 py-2">Last used</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id} data-testid={`api-token-${token.id}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium text-slate-900">{token.name}</div>
                    <div className="font-mono text-xs text-slate-600">{token.prefix}…</div>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{SCOPE_LABELS[token.scope]}</td>
                  <td className="px-4 py-3 text-slate-600">
                    <LocalTime iso={token.createdAt} format={dateLabel} /> by {token.createdBy.name}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} format={dateLabel} /> : "Never"}</td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      variant="danger"
                      className="py-1"
                      disabled={pending}
                      onClick={() =>
                        void run(async () => {
                          await requestJson(`/api/settings/api-tokens/${token.id}`, { method: "DELETE" });
                          await refresh();
                        }, `Revoked “${token.name}”. Requests with it are refused from now on.`)
                      }
                    >
                      Revoke
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
