"use client";

import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { CopyField } from "@/components/settings/copy-field";
import { IntegrationStatusBadge } from "@/components/settings/integration-status";
import { SelectField } from "@/components/settings/select-field";
import { TokenLifetime } from "@/components/settings/token-lifetime";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { IntegrationView, SecretMask } from "@/lib/settings/list-integrations";
import type { ConnectionResult } from "@/lib/settings/test-connection";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { INTEGRATIONS_KEY } from "@/lib/swr/use-integrations";
import { loginVariantSchema, saveIntegrationSchema, type SaveIntegrationInput } from "@/lib/validations/settings";
import { LocalTime } from "@/components/ui/local-time";
import { channelMeta } from "@/lib/channels/catalog";
import { ACCOUNT_FIELD_LABELS, type AccountField } from "@/lib/channels/channel-meta";
import { dateTimeLabel } from "@/lib/inbox/format";

const LOGIN_VARIANTS = [
  ["facebook", "Facebook Login (Page)"],
  ["instagram", "Instagram Login"],
] as const;

const FIELD_IDS: Record<AccountField, string> = {
  pageId: "page-id",
  instagramAccountId: "instagram-account-id",
  phoneNumberId: "phone-number-id",
  businessAccountId: "business-account-id",
};

type FieldErrors = Partial<Record<keyof SaveIntegrationInput, string>>;

/** URL-safe and long enough that nobody can guess it: Meta only echoes it back in the handshake. */
function generateVerifyToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function formFrom(integration: IntegrationView): SaveIntegrationInput {
  return {
    enabled: integration.source === "none" ? true : integration.enabled,
    accessToken: "",
    appSecret: "",
    webhookVerifyToken: integration.webhookVerifyToken,
    pageId: integration.pageId,
    instagramAccountId: integration.instagramAccountId,
    phoneNumberId: integration.phoneNumberId,
    businessAccountId: integration.businessAccountId,
    graphApiVersion: integration.graphApiVersion,
    humanAgentTag: integration.humanAgentTag,
    customerSignals: integration.customerSignals,
    loginVariant: integration.loginVariant,
  };
}

function secretPlaceholder(mask: SecretMask): string {
  if (!mask.set) return "Paste it here";
  return mask.last4 ? `•••• ${mask.last4} (stored; leave empty to keep)` : "•••• (stored; leave empty to keep)";
}

export function IntegrationCard({
  integration,
  onChanged,
}: {
  integration: IntegrationView;
  onChanged: (next: IntegrationView) => void;
}) {
  const { mutate } = useSWRConfig();
  const [form, setForm] = useState<SaveIntegrationInput>(() => formFrom(integration));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ tone: "good" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState<"save" | "test" | "import" | null>(null);
  const { channel, key } = integration;
  const instagramLogin = channel === "instagram" && form.loginVariant === "instagram";
  const meta = channelMeta(channel);
  // Instagram Login has no Facebook page.
  const shownFields = meta.accountFields.filter((field) => !(instagramLogin && field === "pageId"));
  const fieldLabel = (field: AccountField) =>
    instagramLogin && field === "instagramAccountId" ? "Instagram account id (user_id)" : (meta.accountFieldLabels?.[field] ?? ACCOUNT_FIELD_LABELS[field]);
  const fromEnv = integration.source === "environment";
  const set = <K extends keyof SaveIntegrationInput>(key: K, value: SaveIntegrationInput[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  async function run(kind: "save" | "test" | "import", action: () => Promise<void>) {
    setBusy(kind);
    setNotice(null);
    setErrors({});
    try {
      await action();
    } catch (error) {
      if (error instanceof FetchError) {
        setErrors(Object.fromEntries(error.details.map((detail) => [detail.field, detail.issue])));
      }
      setNotice({ tone: "bad", text: error instanceof Error ? error.message : "Something went wrong" });
    } finally {
      setBusy(null);
      void mutate(auditLogKey("integration"));
    }
  }

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = saveIntegrationSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])));
      return;
    }
    setErrors({});
    void run("save", async () => {
      const { integration: saved } = await requestJson<{ integration: IntegrationView }>(`/api/settings/integrations/${key}`, {
        method: "PUT",
        body: parsed.data,
      });
      onChanged(saved);
      setForm(formFrom(saved));
      setNotice({ tone: "good", text: "Saved." });
    });
  }

  function onTest() {
    void run("test", async () => {
      const result = await requestJson<ConnectionResult>(`/api/settings/integrations/${key}/test`, { method: "POST" });
      if (result.ok) {
        onChanged({ ...integration, connectedAs: result.connectedAs, lastVerifiedAt: result.verifiedAt, lastError: null, needsReconnect: false });
        setNotice({ tone: "good", text: `Connected as ${result.connectedAs}` });
      } else {
        onChanged({ ...integration, lastError: result.error });
        setNotice({ tone: "bad", text: result.error });
      }
      // The server counts token errors and decides when a reconnect is needed (token-errors.ts): show its verdict.
      void mutate(INTEGRATIONS_KEY);
    });
  }

  function onImport() {
    void run("import", async () => {
      const { integration: saved } = await requestJson<{ integration: IntegrationView }>(
        `/api/settings/integrations/${key}/import-env`,
        { method: "POST" },
      );
      onChanged(saved);
      setForm(formFrom(saved));
      setNotice({ tone: "good", text: "Moved into the database. You can edit it here now." });
    });
  }

  const id = (field: string) => `${key}-${field}`;
  return (
    <section aria-labelledby={id("title")} className="rounded-xl border border-slate-200 bg-white shadow-sm" data-testid={`integration-${key}`}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div>
          <h3 id={id("title")} className="text-base font-semibold text-slate-900">{integration.label}</h3>
          <p className="text-sm text-slate-600">
            {integration.connectedAs ? `Connected as ${integration.connectedAs}` : fromEnv ? "Connected (from environment)" : "Not connected yet"}
            {integration.lastVerifiedAt ? <> · verified <LocalTime iso={integration.lastVerifiedAt} format={dateTimeLabel} /></> : ""}
          </p>
        </div>
        <IntegrationStatusBadge integration={integration} />
      </header>

      {fromEnv ? (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-amber-100 bg-amber-50 px-5 py-3 text-sm text-amber-900">
          <p>Configured from environment variables: the fields below show what they say, read-only. Move it into the database to edit it here.</p>
          <Button variant="secondary" onClick={onImport} disabled={busy !== null}>
            {busy === "import" ? "Moving…" : "Move into the database"}
          </Button>
        </div>
      ) : null}
      {integration.lastError && !notice ? (
        <p role="status" className="border-b border-red-100 bg-red-50 px-5 py-3 text-sm text-red-700">
          {integration.needsReconnect ? "Reconnect needed — paste a new access token and save. Reason: " : "Last problem: "}
          {integration.lastError}
        </p>
      ) : null}

      <div className="grid gap-6 p-5 lg:grid-cols-2">
        <form onSubmit={onSave} className="space-y-4" noValidate aria-label={`${integration.label} settings`}>
          {/* What env says can't be changed here: the fields show it, read-only, until moved into the database. */}
          <fieldset disabled={fromEnv} className="min-w-0 space-y-4" data-testid="integration-fields">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" checked={form.enabled} onChange={(event) => set("enabled", event.target.checked)} className="h-4 w-4 rounded border-slate-300" />
            Enabled
          </label>
          <TextField id={id("access-token")} label="Access token" type="password" autoComplete="off" value={form.accessToken}
            placeholder={secretPlaceholder(integration.accessToken)} error={errors.accessToken}
            onChange={(event) => set("accessToken", event.target.value)} />
          <TextField id={id("app-secret")} label="App secret" type="password" autoComplete="off" value={form.appSecret}
            placeholder={secretPlaceholder(integration.appSecret)} error={errors.appSecret}
            onChange={(event) => set("appSecret", event.target.value)} />
          <div className="flex items-end gap-2">
            <TextField id={id("verify-token")} label="Webhook verify token" className="flex-1" autoComplete="off" value={form.webhookVerifyToken}
              error={errors.webhookVerifyToken} onChange={(event) => set("webhookVerifyToken", event.target.value)} />
            <Button variant="secondary" onClick={() => set("webhookVerifyToken", generateVerifyToken())}>Generate</Button>
          </div>
          {channel === "instagram" ? (
            <>
              <SelectField id={id("login-variant")} label="Connected through" options={LOGIN_VARIANTS} value={form.loginVariant}
                disabled={fromEnv} onChange={(event) => set("loginVariant", loginVariantSchema.parse(event.target.value))} />
              <p className="-mt-2 text-xs text-slate-500">
                {instagramLogin
                  ? "Instagram user token from the Instagram API with Instagram Login; calls go to graph.instagram.com and the token is refreshed automatically."
                  : "Page access token of the Facebook Page linked to the Instagram account; calls go to graph.facebook.com."}
              </p>
            </>
          ) : null}
          {shownFields.map((field) => (
            <TextField key={field} id={id(FIELD_IDS[field])} label={fieldLabel(field)} inputMode="numeric" value={form[field]}
              error={errors[field]} onChange={(event) => set(field, event.target.value)} />
          ))}
          {meta.humanAgentTag ? (
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={form.humanAgentTag} onChange={(event) => set("humanAgentTag", event.target.checked)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
              <span>
                <span className="font-medium">Human Agent tag</span>
                <span className="block text-slate-500">Reply up to 7 days after the customer&apos;s last message (needs Meta&apos;s approval).</span>
              </span>
            </label>
          ) : null}
          {channel === "instagram" ? <TokenLifetime integration={integration} /> : null}
          <TextField id={id("graph-version")} label="Graph API version" placeholder="v21.0 (default)" value={form.graphApiVersion}
            error={errors.graphApiVersion} onChange={(event) => set("graphApiVersion", event.target.value)} />
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={form.customerSignals} onChange={(event) => set("customerSignals", event.target.checked)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
            <span>
              <span className="font-medium">Seen and typing</span>
              <span className="block text-slate-500">Show customers when someone here has read their messages and is typing a reply.</span>
            </span>
          </label>
          </fieldset>
          {notice ? (
            <p role={notice.tone === "bad" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ${notice.tone === "bad" ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-800"}`}>
              {notice.text}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {fromEnv ? null : <Button type="submit" disabled={busy !== null}>{busy === "save" ? "Saving…" : "Save"}</Button>}
            <Button variant="secondary" onClick={onTest} disabled={busy !== null || integration.source === "none"}>
              {busy === "test" ? "Testing…" : "Test connection"}
            </Button>
          </div>
        </form>

        <div className="space-y-4 rounded-lg bg-slate-50 p-4">
          <div>
            <h4 className="text-sm font-semibold text-slate-900">Webhook in Meta&apos;s App Dashboard</h4>
            <p className="mt-1 text-sm text-slate-600">Paste these into the {integration.label} webhook settings, then subscribe to the fields below.</p>
          </div>
          <CopyField id={id("callback-url")} label="Callback URL" value={integration.callbackUrl} />
          <CopyField id={id("verify-token-copy")} label="Verify token" value={integration.webhookVerifyToken} />
          <div>
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Fields to subscribe</p>
            <ul className="flex flex-wrap gap-1.5">
              {integration.webhookFields.map((field) => (
                <li key={field} className="rounded bg-white px-2 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-slate-200">{field}</li>
              ))}
            </ul>
          </div>
          {form.webhookVerifyToken !== integration.webhookVerifyToken ? (
            <p className="text-xs text-amber-700">Save to start accepting the new verify token.</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
