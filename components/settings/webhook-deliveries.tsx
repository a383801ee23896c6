"use client";

import { ActionMessage } from "@/components/settings/action-message";
import { useAction } from "@/components/settings/use-action";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { dateLabel } from "@/lib/inbox/format";
import { requestJson } from "@/lib/swr/fetcher";
import { useWebhookDeliveries } from "@/lib/swr/use-webhooks";

/** One endpoint's delivery log, with Replay. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const { data, mutate } = useWebhookDeliveries(endpointId);
  const { pending, message, run } = useAction();
  const deliveries = data?.deliveries;
  if (!deliveries) return <p className="mt-3 text-sm text-slate-500">Loading deliveries…</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <ActionMessage message={message} />
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-500">No deliveries yet.</p>
      ) : (
        <table className="min-w-full divide-y divide-slate-100 text-sm">
          <caption className="sr-only">Deliveries</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Event</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Answer</th>
              <th scope="col" className="px-3 py-2">When</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="webhook-delivery">
                <td className="px-3 py-2">
                  <div className="font-mono text-xs text-slate-900">{delivery.type}</div>
                  <div className="font-mono text-xs text-slate-500">{delivery.eventId}</div>
                </td>
                <td className="px-3 py-2 text-slate-700">
                  {delivery.status} · {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                </td>
                <td className="max-w-xs px-3 py-2 text-slate-600">
                  {delivery.lastStatusCode ?? "—"}
                  {delivery.lastDurationMs !== null ? ` · ${delivery.lastDurationMs} ms` : ""}
                  {delivery.lastResponse ? <div className="truncate font-mono text-xs" title={delivery.lastResponse}>{delivery.lastResponse}</div> : null}
                </td>
                <td className="px-3 py-2 text-slate-600">
                  <LocalTime iso={delivery.lastAttemptAt ?? delivery.createdAt} format={dateLabel} />
                </td>
                <td className="px-3 py-2 text-right">
                  <Button
                    variant="secondary"
                    className="py-1"
                    disabled={pending}
                    onClick={() =>
                      void run(async () => {
                        await requestJson(`/api/settings/webhooks/${endpointId}/deliveries/${delivery.id}/replay`, { method: "POST" });
                        await mutate();
                      }, "Queued to send again.")
                    }
                  >
                    Replay
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
