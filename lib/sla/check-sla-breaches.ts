import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { JobDefinition } from "@/lib/jobs/job-types";
import { claimNextAgent, type ClaimedAgent } from "@/lib/assignment/claim-next-agent";
import { publishAssignment } from "@/lib/assignment/auto-assign";
import { TRANSACTION_OPTIONS } from "@/lib/inbox/transactions";
import { recordWebhookEvents } from "@/lib/outbound-webhooks/record-webhook-event";
import { conversationAssigned } from "@/lib/outbound-webhooks/webhook-payloads";
import { eventBus } from "@/lib/realtime/bus";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { slaSecondsBetween } from "@/lib/speed-to-lead/sla-seconds";
import { readSlaSettings } from "@/lib/speed-to-lead/sla-settings";

/** Conversations looked at per run, longest waiting first; the next run takes the rest. */
const BATCH = 500;

interface Waiting {
  id: string;
  waitingSince: Date;
  assigneeId: string | null;
  slaNotifiedAt: Date | null;
  slaEscalatedAt: Date | null;
}

export interface SlaCheckReport {
  notified: number;
  reassigned: number;
  escalated: number;
}

/**
 * Conversations whose customer has waited past the team's SLA target (in SLA time: business hours
 * pause the clock): the assignee is told once (`slaNotifiedAt`), or with "reassign" on the
 * conversation goes to the next active agent instead (the same round-robin as auto-assignment),
 * audited; past twice the target the admins are told once (`slaEscalatedAt`). Each mark is a
 * conditional UPDATE that also requires the same wait (`waitingSince`), so several instances, or a
 * reply landing meanwhile, never cause a second notice. Candidates come from the
 * [hidden, status, waitingSince] index: SLA time never exceeds wall time, so only rows waiting at
 * least the target in wall time can be due. Messages are never read.
 */
export async function checkSlaBreaches(now = new Date()): Promise<SlaCheckReport> {
  // Uncached: a changed target or "reassign" applies from the next run, on every instance.
  const settings = await readSlaSettings();
  const targetSeconds = settings.targetMinutes * 60;
  const report: SlaCheckReport = { notified: 0, reassigned: 0, escalated: 0 };
  const candidates: Waiting[] = await db.conversation.findMany({
    where: {
      hidden: false,
      status: "OPEN",
      waitingSince: { lte: new Date(now.getTime() - targetSeconds * 1000) },
      OR: [{ slaNotifiedAt: null }, { slaEscalatedAt: null }],
    },
    orderBy: { waitingSince: "asc" },
    take: BATCH,
    select: { id: true, waitingSince: true, assigneeId: true, slaNotifiedAt: true, slaEscalatedAt: true },
  }) as Waiting[];
  for (const conversation of candidates) {
    const waited = slaSecondsBetween(conversation.waitingSince, now, settings.hours);
    if (waited >= targetSeconds && !conversation.slaNotifiedAt) {
      const reassignedTo = settings.reassign ? await reassign(conversation, now) : null;
      if (reassignedTo) report.reassigned++;
      else if (await notifyAssignee(conversation, now)) report.notified++;
    }
    if (waited >= 2 * targetSeconds && !conversation.slaEscalatedAt && (await escalate(conversation, now))) report.escalated++;
  }
  return report;
}

const sameWait = (conversation: Waiting) => ({ id: conversation.id, waitingSince: conversation.waitingSince });

async function notifyAssignee(conversation: Waiting, now: Date): Promise<boolean> {
  const { count } = await db.conversation.updateMany({ where: { ...sameWait(conversation), slaNotifiedAt: null }, data: { slaNotifiedAt: now } });
  if (count === 0) return false;
  // Nobody's yet: everyone who may see it (the live stream filters by visibility) is told.
  const userIds = conversation.assigneeId ? [conversation.assigneeId] : await staffIds();
  await eventBus.publish({ type: "sla.breached", conversationId: conversation.id, userIds, escalated: false });
  return true;
}

async function escalate(conversation: Waiting, now: Date): Promise<boolean> {
  const { count } = await db.conversation.updateMany({ where: { ...sameWait(conversation), slaEscalatedAt: null }, data: { slaEscalatedAt: now } });
  if (count === 0) return false;
  await eventBus.publish({ type: "sla.breached", conversationId: conversation.id, userIds: await staffIds("ADMIN"), escalated: true });
  return true;
}

/** To the next active agent other than the current assignee; null when there is none (then we only notify). */
async function reassign(conversation: Waiting, now: Date): Promise<ClaimedAgent | null> {
  const agent = await db.$transaction(async (tx) => {
    const next = await claimNextAgent(tx, { now, excludeUserId: conversation.assigneeId });
    if (!next) return null;
    const { count } = await tx.conversation.updateMany({
      where: { ...sameWait(conversation), slaNotifiedAt: null, assigneeId: conversation.assigneeId },
      data: { assigneeId: next.id, autoAssignedAt: now, slaNotifiedAt: now },
    });
    // Answered, reassigned or notified meanwhile: the claim is rolled back with the transaction.
    if (count === 0) throw new NotReassigned();
    await writeAuditLog(
      { actorId: null, action: "conversation.sla-reassign", target: conversation.id, details: { from: conversation.assigneeId, to: next.id, assignee: next.name } },
      tx,
    );
    await recordWebhookEvents(tx, [conversationAssigned({ id: conversation.id, assigneeId: next.id, actorId: null })]);
    return next;
  }, TRANSACTION_OPTIONS).catch((error: unknown) => {
    if (error instanceof NotReassigned) return null;
    throw error;
  });
  if (!agent) return null;
  await publishAssignment(conversation.id);
  await eventBus.publish({ type: "sla.breached", conversationId: conversation.id, userIds: [agent.id], escalated: false });
  return agent;
}

class NotReassigned extends Error {}

async function staffIds(role?: "ADMIN"): Promise<string[]> {
  const users = await db.user.findMany({ where: { disabledAt: null, ...(role ? { role } : {}) }, select: { id: true } });
  return users.map((user) => user.id);
}

/** Periodic, on the job runner (lib/jobs/): one instance checks per interval. */
export const slaBreachJob: JobDefinition = {
  kind: "sla.check-breaches",
  everyMs: env.SLA_CHECK_INTERVAL_MS,
  async run() {
    await checkSlaBreaches();
  },
};
