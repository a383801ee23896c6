import type { IntegrationView } from "@/lib/settings/list-integrations";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The one-line health of a channel: what a glance at the card should tell. */
export function integrationHealth(integration: IntegrationView, now = Date.now()) {
  const expiresAt = integration.tokenExpiresAt ? new Date(integration.tokenExpiresAt).getTime() : null;
  if (integration.source === "none") return { tone: "muted", label: "Not configured" } as const;
  if (!integration.enabled) return { tone: "muted", label: "Disabled" } as const;
  if (integration.needsReconnect || (expiresAt !== null && expiresAt <= now)) return { tone: "bad", label: "Reconnect needed" } as const;
  if (expiresAt !== null && expiresAt - now < WEEK_MS) return { tone: "warn", label: "Token expires soon" } as const;
  if (integration.connectedAs && integration.lastVerifiedAt) return { tone: "good", label: "Connected" } as const;
  return { tone: "warn", label: "Not verified yet" } as const;
}

const TONES = {
  good: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  warn: "bg-amber-50 text-amber-800 ring-amber-600/20",
  bad: "bg-red-50 text-red-700 ring-red-600/20",
  muted: "bg-slate-100 text-slate-600 ring-slate-500/20",
} as const;

export function IntegrationStatusBadge({ integration }: { integration: IntegrationView }) {
  const health = integrationHealth(integration);
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[health.tone]}`}>
      {health.label}
    </span>
  );
}
