"use client";

import { useState } from "react";
import { IntegrationCard } from "@/components/settings/integration-card";
import { Button } from "@/components/ui/button";
import type { IntegrationView } from "@/lib/settings/list-integrations";
import { requestJson } from "@/lib/swr/fetcher";
import { useIntegrations } from "@/lib/swr/use-integrations";

export function IntegrationsPanel({ initial }: { initial: IntegrationView[] }) {
  const { data, mutate } = useIntegrations(initial);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const integrations = data?.integrations ?? initial;
  function replace(next: IntegrationView) {
    void mutate(
      { integrations: integrations.map((integration) => (integration.key === next.key ? next : integration)) },
      { revalidate: false },
    );
  }
  // A second Instagram account (typically one per login variant) gets its own card, disabled until saved.
  async function addInstagramAccount() {
    setAdding(true);
    setAddError(null);
    try {
      await requestJson<{ integration: IntegrationView }>("/api/settings/integrations", {
        method: "POST",
        body: { channel: "instagram", loginVariant: "instagram" },
      });
      // Refetched rather than appended: the server's order keeps a channel's accounts together.
      await mutate();
    } catch (error) {
      setAddError(error instanceof Error ? error.message : "The account could not be added");
    } finally {
      setAdding(false);
    }
  }
  return (
    <div className="space-y-6">
      {integrations.map((integration) => (
        <IntegrationCard key={integration.key} integration={integration} onChanged={replace} />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void addInstagramAccount()} disabled={adding}>
          {adding ? "Adding…" : "Add another Instagram account"}
        </Button>
        {addError ? <p role="alert" className="text-sm text-red-700">{addError}</p> : null}
      </div>
      <section className="flex items-center justify-between rounded-xl border border-dashed border-slate-300 bg-white/60 px-5 py-4" aria-label="Messenger">
        <div>
          <h3 className="text-base font-semibold text-slate-500">Facebook Messenger</h3>
          <p className="text-sm text-slate-500">Page conversations in the same inbox.</p>
        </div>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Coming soon</span>
      </section>
    </div>
  );
}
