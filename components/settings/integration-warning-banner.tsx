import Link from "next/link";
import type { SessionUser } from "@/lib/auth";
import { listIntegrationWarnings } from "@/lib/settings/integration-warnings";

/** Under the app header on every inbox page: admins get the fix, agents know whom to ask. */
export async function IntegrationWarningBanner({ user }: { user: SessionUser }) {
  const warnings = await listIntegrationWarnings();
  if (warnings.length === 0) return null;
  return (
    <div role="alert" className="shrink-0 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="integration-warning">
      {warnings.map((warning) => (
        <p key={warning.key}>
          {warning.message}{" "}
          {user.role === "ADMIN" ? (
            <Link href="/settings/integrations" className="font-medium underline">Reconnect in Settings</Link>
          ) : (
            "Ask an admin to reconnect it."
          )}
        </p>
      ))}
    </div>
  );
}
