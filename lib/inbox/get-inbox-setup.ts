import { db } from "@/lib/db";
import { env } from "@/lib/env";

const EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

export interface ChannelWarning {
  channel: "instagram" | "whatsapp";
  kind: "reconnect" | "expiring";
  expiresAt: string | null;
}

export interface InboxSetup {
  /** No channel configured anywhere (database or env): the inbox teaches how to connect one. */
  noChannels: boolean;
  /** Tokens that stopped working or expire within 7 days: the inbox header warns. */
  warnings: ChannelWarning[];
}

/** What the inbox header needs to know about channel health, read server-side. Never selects a secret. */
export async function getInboxSetup(now = new Date()): Promise<InboxSetup> {
  const integrations = await db.integration.findMany({
    where: { isEnabled: true, name: { in: ["instagram", "whatsapp"] } },
    select: { name: true, needsReconnect: true, tokenExpiresAt: true },
  });
  const fromEnv =
    Boolean(env.INSTAGRAM_ACCESS_TOKEN ?? env.META_ACCESS_TOKEN) || Boolean(env.WHATSAPP_ACCESS_TOKEN ?? env.META_ACCESS_TOKEN);
  const warnings: ChannelWarning[] = [];
  for (const integration of integrations) {
    const channel = integration.name as ChannelWarning["channel"];
    const expiresAt = integration.tokenExpiresAt?.toISOString() ?? null;
    if (integration.needsReconnect) warnings.push({ channel, kind: "reconnect", expiresAt });
    else if (integration.tokenExpiresAt && integration.tokenExpiresAt.getTime() - now.getTime() < EXPIRY_WARNING_MS) {
      warnings.push({ channel, kind: "expiring", expiresAt });
    }
  }
  return { noChannels: integrations.length === 0 && !fromEnv, warnings };
}
