import { db } from "@/lib/db";
import { accountKeysOf, accountLabel, INTEGRATION_CHANNELS } from "@/lib/settings/integration-config";
import { integrationKeySchema, type IntegrationKey } from "@/lib/validations/settings";

const WARN_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

export interface IntegrationWarning {
  key: IntegrationKey;
  message: string;
}

/**
 * Channels whose token is dead or about to die, for the banner under the app header: a channel
 * that silently stops sending is the worst failure a sales inbox can have.
 */
export async function listIntegrationWarnings(now = new Date()): Promise<IntegrationWarning[]> {
  const rows = await db.integration.findMany({
    where: {
      name: { in: INTEGRATION_CHANNELS.flatMap(accountKeysOf) },
      isEnabled: true,
      OR: [{ needsReconnect: true }, { tokenExpiresAt: { lte: new Date(now.getTime() + WARN_BEFORE_MS) } }],
    },
    select: { name: true, needsReconnect: true, tokenExpiresAt: true, connectedAs: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => {
    const key = integrationKeySchema.parse(row.name);
    // With several Instagram accounts, "Instagram (2)" alone does not say which one.
    const label = row.connectedAs && key !== "whatsapp" && key !== "instagram" ? `${accountLabel(key)} ${row.connectedAs}` : accountLabel(key);
    if (row.needsReconnect || (row.tokenExpiresAt && row.tokenExpiresAt <= now)) {
      return { key, message: `${label} is disconnected: its access token expired or was revoked.` };
    }
    const days = Math.max(1, Math.ceil((row.tokenExpiresAt!.getTime() - now.getTime()) / (24 * 60 * 60 * 1000)));
    return { key, message: `${label}'s access token expires in ${days} day${days === 1 ? "" : "s"}.` };
  });
}
