import type { IntegrationView } from "@/lib/settings/list-integrations";
import { LocalTime } from "@/components/ui/local-time";
import { dateTimeLabel } from "@/lib/inbox/format";


/**
 * How long the stored token lives. Instagram Login tokens last 60 days and are refreshed
 * automatically; Meta does not say when a pasted one expires, so until the first refresh (a day
 * after saving) the expiry is unknown and the card says so instead of guessing.
 */
export function TokenLifetime({ integration }: { integration: IntegrationView }) {
  if (!integration.accessToken.set) return null;
  const instagramLogin = integration.loginVariant === "instagram";
  let text: React.ReactNode;
  if (integration.tokenExpiresAt) {
    text = <>Token expires <LocalTime iso={integration.tokenExpiresAt} format={dateTimeLabel} />{instagramLogin ? "; refreshed automatically in its last 10 days" : ""}.</>;
  } else if (instagramLogin) {
    text = "Token expiry not known yet: it is refreshed automatically a day after saving, which tells its expiry (60 days).";
  } else {
    text = "Page tokens from a long-lived user token do not expire.";
  }
  return (
    <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600" data-testid="token-lifetime">
      {text}
      {integration.tokenRefreshedAt ? <> Saved or refreshed <LocalTime iso={integration.tokenRefreshedAt} format={dateTimeLabel} />.</> : ""}
      {integration.tokenErrorCount > 0 && !integration.needsReconnect
        ? ` ${integration.tokenErrorCount} token error${integration.tokenErrorCount === 1 ? "" : "s"} in a row.`
        : ""}
    </p>
  );
}
