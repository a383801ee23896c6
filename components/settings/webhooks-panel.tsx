"use client";

import { useState, type FormEvent } from "react";
import { useSWRConfig } from "swr";
import { ActionMessage } from "@/components/settings/action-message";
import { CopyField } from "@/components/settings/copy-field";
import { useAction } from "@/components/settings/use-action";
import { WebhookDeliveries } from "@/components/settings/webhook-deliveries";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { TextField } from "@/components/ui/text-field";
import { dateLabel } from "@/lib/inbox/format";
import { WEBHOOK_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import type { WebhookEndpointSummary } from "@/lib/outbound-webhooks/manage-endpoints";
import { requestJson } from "@/lib/swr/fetcher";
import { auditLogKey } from "@/lib/swr/use-audit-log";
import { useWebhookEndpoints } from "@/lib/swr/use-webhooks";
import { createWebhookSchema } from "@/lib/validations/webhooks";

export function WebhooksPanel({ initial }: { initial: WebhookEndpointSummary[] }) {
  const { data, mutate } = useWebhookEndpoints(initial);
  const { mutate: mutateKey } = useSWRConfig();
  const [invalid, setInvalid] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { pending, message, run } = useAction();
  const endpoints = data?.endpoints ?? initial;
  const disabled = endpoints.filter((endpoint) => endpoint.disabledAt && endpoint.disabledReason?.startsWith("Disabled: every delivery failed"));

  const refresh = async () => {
    await mutate();
    void mutateKey(auditLogKey("webhook"));
  };

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = createWebhookSchema.safeParse({ url: form.get("url"), events: form.getAll("events") });
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? "Check the form");
    setInvalid(null);
    void run(async () => {
      const result = await requestJson<{ id: string; secret: string }>("/api/settings/webhooks", { method: "POST", body: parsed.data });
      setCreated({ url: parsed.data.url, secret: result.secret });
      formElement.reset();
      await refresh();
    }, "Endpoint added. Copy its signing secret now: it is shown only once.");
  }

  const patch = (endpoint: WebhookEndpointSummary, enabled: boolean) =>
    run(async () => {
      await requestJson(`/api/settings/webhooks/${endpoint.id}`, { method: "PATCH", body: { enabled } });
      await refresh();
    }, enabled ? "Enabled. New events are delivered again." : "Disabled. No more deliveries until you enable it.");

  const remove = (endpoint: WebhookEndpointSummary) =>
    run(async () => {
      await requestJson(`/api/settings/webhooks/${endpoint.id}`, { method: "DELETE" });
      if (open === endpoint.id) setOpen(null);
      await refresh();
    }, "Endpoint removed.");

  return (
    <div className="space-y-6">
      {disabled.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {disabled.length === 1 ? "An endpoint was" : `${disabled.length} endpoints were`} disabled after failing for a day:{" "}
          {disabled.map((endpoint) => endpoint.url).join(", ")}. Fix the receiver, then enable it again.
        </div>
      ) : null}

      <form onSubmit={onCreate} noValidate aria-label="Add a webhook endpoint" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h3 className="text-sm font-semibold text-slate-900">Add an endpoint</h3>
        <p className="mt-1 text-sm text-slate-600">
          Events are POSTed as JSON <code className="font-mono text-xs">{"{ id, type, createdAt, data }"}</code> with{" "}
          <code className="font-mono text-xs">webhook-id</code>, <code className="font-mono text-xs">webhook-timestamp</code> and{" "}
          <code className="font-mono text-xs">webhook-signature</code> headers; failures are retried for a day.
        </p>
        <div className="mt-3">
          <TextField id="webhook-url" name="url" label="URL" autoComplete="off" placeholder="https://example.com/hooks/inbox" />
        </div>
        <fieldset className="mt-3">
          <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Events</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={type} className="h-4 w-4" />
                <span className="font-mono text-xs">{type}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>Add endpoint</Button>
          <ActionMessage message={invalid ? { tone: "bad", text: invalid } : message} />
        </div>
        {created ? (
          <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">
            <CopyField id="new-webhook-secret" label={`Signing secret for ${created.url} — shown only once`} value={created.secret} />
          </div>
        ) : null}
      </form>

      <div className="space-y-3">
        {endpoints.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500 shadow-sm">No endpoints yet.</p>
        ) : (
          endpoints.map((endpoint) => (
            <section key={endpoint.id} aria-label={endpoint.url} data-testid={`webhook-${endpoint.id}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <div className="break-all font-mono text-sm text-slate-900">{endpoint.url}</div>
                  <div className="mt-1 text-xs text-slate-600">
                    {endpoint.enabled ? (endpoint.failingSince ? "Failing, retrying" : "Active") : (endpoint.disabledReason ?? "Disabled")} · added{" "}
                    <LocalTime iso={endpoint.createdAt} format={dateLabel} /> · {endpoint.events.join(", ")}
                  </div>
                </div>
                <div className="flex shrink-0 gap-2">
                  <Button variant="secondary" className="py-1" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>
                    Deliveries
                  </Button>
                  <Button variant="secondary" className="py-1" disabled={pending} onClick={() => void patch(endpoint, !endpoint.enabled)}>
                    {endpoint.enabled ? "Disable" : "Enable"}
                  </Button>
                  <Button variant="danger" className="py-1" disabled={pending} onClick={() => void remove(endpoint)}>
                    Delete
                  </Button>
                </div>
              </div>
              {open === endpoint.id ? <WebhookDeliveries endpointId={endpoint.id} /> : null}
            </section>
          ))
        )}
      </div>
    </div>
  );
}
