import Link from "next/link";
import type { ChannelWarning } from "@/lib/inbox/get-inbox-setup";

const label = { instagram: "Instagram", whatsapp: "WhatsApp" } as const;

function describe(warning: ChannelWarning, now: number): string {
  if (warning.kind === "reconnect") return `${label[warning.channel]} stopped accepting our token: replies and new messages are failing.`;
  const days = Math.ceil((new Date(warning.expiresAt!).getTime() - now) / 86_400_000);
  if (days <= 0) return `The ${label[warning.channel]} token has expired: replies will fail until it is renewed.`;
  return `The ${label[warning.channel]} token expires in ${days} day${days === 1 ? "" : "s"}.`;
}

/** Server-rendered banner in the inbox header: a channel about to go quiet must not go unnoticed. */
export function ChannelWarnings({ warnings, isAdmin, now }: { warnings: ChannelWarning[]; isAdmin: boolean; now: number }) {
  if (warnings.length === 0) return null;
  return (
    <div role="alert" data-testid="channel-warning" className="shrink-0 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      {warnings.map((warning) => (
        <p key={warning.channel}>
          {describe(warning, now)}{" "}
          {isAdmin ? (
            <Link href="/settings/integrations" className="font-medium underline">Reconnect in Settings</Link>
          ) : (
            "Ask an admin to reconnect it in Settings."
          )}
        </p>
      ))}
    </div>
  );
}
