import { describeDelivery } from "@/lib/channels/meta/describe-delivery";
import { getChannel, isChannelKey } from "@/lib/channels/registry";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditScope } from "@/lib/validations/settings";

/**
 * The settings audit trail: who changed what, when. `details` names fields and outcomes, never a
 * value that could be a secret (tokens, app secrets, passwords); callers pass only safe facts.
 */

export type AuditAction =
  | "integration.update"
  | "integration.import-env"
  | "integration.test"
  | "integration.add"
  | "integration.token-refresh"
  | "user.create"
  | "user.role"
  | "user.disable"
  | "user.enable"
  | "user.password-reset"
  | "user.sign-in-throttled"
  | "user.team-settings"
  | "user.two-factor-enable"
  | "user.two-factor-disable"
  | "user.sign-out-everywhere"
  | "user.security-policy"
  | "blocklist.add"
  | "blocklist.remove"
  | "event.replay"
  | "lead.update"
  | "lead.bulk-update"
  | "lead.merge"
  | "lead.split"
  | "api-token.create"
  | "api-token.revoke"
  | "webhook.create"
  | "webhook.update"
  | "webhook.delete"
  | "webhook.disable"
  | "webhook.replay"
  | "label.create"
  | "label.update"
  | "label.delete"
  | "away-message.update"
  | "conversation.auto-assign"
  | "conversation.sla-reassign";

export interface AuditEntryInput {
  /** null: the app itself (the background token renewal). */
  actorId: string | null;
  action: AuditAction;
  target: string;
  details?: Prisma.InputJsonObject;
}

type Writer = Pick<Prisma.TransactionClient, "auditLog">;

/** Pass the transaction client when the change and its audit row must commit together. */
export async function writeAuditLog(entry: AuditEntryInput, client: Writer = db): Promise<void> {
  await client.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, target: entry.target, details: entry.details },
  });
}

export interface AuditEntry {
  id: string;
  action: string;
  target: string | null;
  details: unknown;
  createdAt: string;
  actor: { name: string; email: string } | null;
}

/** The newest entries for one settings page (actions are "<scope>.<verb>"). */
export async function listAuditLog(scope: AuditScope, limit = 20): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { action: { startsWith: `${scope}.` } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      target: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const targets = await readableTargets(rows);
  return rows.map((row) => ({ ...row, target: targets.get(row.id) ?? row.target, createdAt: row.createdAt.toISOString() }));
}

/**
 * Targets as people know them: staff by name (with the email that identified them), channel
 * accounts by label, a replayed event by its sender and kind — not bare ids. Rows are stored as
 * written (an email, a key, an event id), so a rename shows the current name.
 */
async function readableTargets(rows: { id: string; action: string; target: string | null }[]): Promise<Map<string, string>> {
  const emails = rows.filter((row) => row.action.startsWith("user.") && row.target).map((row) => row.target!);
  const eventIds = rows.filter((row) => row.action === "event.replay" && row.target).map((row) => row.target!.split(" ").at(-1)!);
  const [users, events] = await Promise.all([
    emails.length ? db.user.findMany({ where: { email: { in: emails } }, select: { email: true, name: true } }) : [],
    eventIds.length ? db.externalEventLog.findMany({ where: { id: { in: eventIds } }, select: { id: true, source: true, rawBody: true } }) : [],
  ]);
  const names = new Map(users.map((user) => [user.email, user.name]));
  const eventLabels = new Map(
    events.map((event) => {
      const { sender, type } = describeDelivery(event.rawBody);
      return [event.id, `${channelLabel(event.source)} ${type ?? "event"}${sender ? ` from ${sender}` : ""}`];
    }),
  );
  const readable = new Map<string, string>();
  for (const row of rows) {
    if (!row.target) continue;
    if (row.action.startsWith("user.") && names.has(row.target)) readable.set(row.id, `${names.get(row.target)} (${row.target})`);
    if (row.action.startsWith("integration.")) readable.set(row.id, accountLabel(row.target));
    const eventLabel = row.action === "event.replay" ? eventLabels.get(row.target.split(" ").at(-1)!) : undefined;
    if (eventLabel) readable.set(row.id, eventLabel);
  }
  return readable;
}

/** "instagram" → "Instagram", "instagram-2" → "Instagram (account 2)". */
function accountLabel(key: string): string {
  const [channel, number] = key.split("-");
  return number ? `${channelLabel(channel)} (account ${number})` : channelLabel(channel);
}

function channelLabel(key: string): string {
  return isChannelKey(key) ? getChannel(key).label : key;
}
