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
  | "blocklist.add"
  | "blocklist.remove"
  | "event.replay"
  | "lead.update"
  | "lead.bulk-update"
  | "lead.merge"
  | "lead.split"
  | "label.create"
  | "label.update"
  | "label.delete"
  | "away-message.update";

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
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
