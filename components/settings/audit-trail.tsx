"use client";

import type { AuditEntry } from "@/lib/settings/audit-log";
import { useAuditLog } from "@/lib/swr/use-audit-log";
import type { AuditScope } from "@/lib/validations/settings";
import { LocalTime } from "@/components/ui/local-time";
import { dateTimeLabel } from "@/lib/inbox/format";

const ACTION_LABELS: Record<string, string> = {
  "integration.update": "saved settings",
  "integration.import-env": "moved env settings into the database",
  "integration.test": "tested the connection",
  "integration.add": "added the account",
  "integration.token-refresh": "refreshed the access token of",
  "user.create": "added",
  "user.role": "changed the role of",
  "user.disable": "disabled",
  "user.enable": "re-enabled",
  "user.password-reset": "reset the password of",
  "user.team-settings": "changed",
  "blocklist.add": "blocked",
  "blocklist.remove": "unblocked",
  "event.replay": "replayed event",
};

/** Done by the app itself (no actor), as opposed to by someone since removed. */
const SYSTEM_ACTIONS = new Set(["integration.token-refresh"]);

/** "Who did what, when" for one settings page, newest first. */
export function AuditTrail({ scope, initial }: { scope: AuditScope; initial: AuditEntry[] }) {
  const { data } = useAuditLog(scope, initial);
  const entries = data?.entries ?? [];
  return (
    <section aria-labelledby="audit-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="audit-heading" className="text-sm font-semibold text-slate-900">Audit trail</h3>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No changes recorded yet.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100 text-sm" data-testid="audit-trail">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="text-slate-800">
                <span className="font-medium">{entry.actor?.name ?? (SYSTEM_ACTIONS.has(entry.action) ? "The app" : "Someone (since removed)")}</span>{" "}
                {ACTION_LABELS[entry.action] ?? entry.action} <span className="font-medium">{entry.target}</span>
                {summarize(entry.details)}
              </span>
              <LocalTime iso={entry.createdAt} format={dateTimeLabel} className="text-xs text-slate-500" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function summarize(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  const facts = details as Record<string, unknown>;
  if (Array.isArray(facts.changed)) return facts.changed.length ? ` (${facts.changed.join(", ")})` : " (no changes)";
  if (typeof facts.from === "string" && typeof facts.to === "string") return `: ${facts.from.toLowerCase()} → ${facts.to.toLowerCase()}`;
  if (facts.ok === true && typeof facts.connectedAs === "string") return `: connected as ${facts.connectedAs}`;
  if (facts.ok === false && typeof facts.error === "string") return `: failed`;
  if (typeof facts.result === "string") return `: ${facts.result.toLowerCase()}`;
  return "";
}
