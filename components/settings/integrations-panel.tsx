"use client";

import { IntegrationCard } from "@/components/settings/integration-card";
import type { IntegrationView } from "@/lib/settings/list-integrations";
import { useIntegrations } from "@/lib/swr/use-integrations";

export function IntegrationsPanel({ initial }: { initial: IntegrationView[] }) {
  const { data, mutate } = useIntegrations(initial);
  const integrations = data?.integrations ?? initial;
  function replace(next: IntegrationView) {
    void mutate(
      { integrations: integrations.map((integration) => (integration.channel === next.channel ? next : integration)) },
      { revalidate: false },
    );
  }
  return (
    <div className="space-y-6">
      {integrations.map((integration) => (
        <IntegrationCard key={integration.channel} integration={integration} onChanged={replace} />
      ))}
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
