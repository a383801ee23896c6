"use client";

import { useState } from "react";
import { IntegrationCard } from "@/components/settings/integration-card";
import { Button } from "@/components/ui/button";
import { channelCatalog, type ChannelKey } from "@/lib/channels/catalog";
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
  // A further account of a channel that takes several (Instagram: typically one per login variant)
  // gets its own card, disabled until saved.
  async function addAccount(channel: ChannelKey) {
    setAdding(true);
    setAddError(null);
    try {
      await requestJson<{ integration: IntegrationView }>("/api/settings/integrations", {
        method: "POST",
        body: { channel },
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
        {channelCatalog
          .filter((meta) => meta.maxAccounts > 1)
          .map((meta) => (
            <Button key={meta.key} variant="secondary" onClick={() => void addAccount(meta.key)} disabled={adding}>
              {adding ? "Adding…" : `Add another ${meta.label} account`}
            </Button>
          ))}
        {addError ? <p role="alert" className="text-sm text-red-700">{addError}</p> : null}
      </div>
    </div>
  );
}
