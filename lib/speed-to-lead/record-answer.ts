import type { Prisma } from "@/lib/generated/prisma/client";
import { slaSecondsBetween } from "./sla-seconds";
import { loadSlaSettings } from "./sla-settings";

export interface StaffAnswer {
  conversationId: string;
  messageId: string;
  /** When the reply went out (an echo: Meta's timestamp). */
  answeredAt: Date;
  /** Null for an echo of a message written in Meta's own apps: nobody here knows who wrote it. */
  byUserId: string | null;
}

/**
 * A staff reply (sent from the inbox, or echoed from Meta's apps) ends the customer's wait: the
 * reply keeps the wait it closed in SLA seconds, the conversation stops waiting (and its breach
 * marks clear, so the next wait is notified afresh), and the first reply ever also fills the
 * first-response fields. Notes and the automatic away message never come here.
 *
 * Runs inside the transaction that stores the reply. The wait is cleared by a conditional update on
 * the very `waitingSince` read, so two replies racing on PostgreSQL close it once. A reply older
 * than the wait (a late echo of an earlier message) answers nothing.
 */
export async function recordStaffAnswer(tx: Prisma.TransactionClient, answer: StaffAnswer): Promise<void> {
  const conversation = await tx.conversation.findUnique({
    where: { id: answer.conversationId },
    select: { waitingSince: true, firstInboundAt: true, firstResponseAt: true },
  });
  const waitingSince = conversation?.waitingSince;
  if (!conversation || !waitingSince || answer.answeredAt < waitingSince) return;
  const { hours } = await loadSlaSettings(tx);
  const isFirst = conversation.firstResponseAt === null;
  const closed = await tx.conversation.updateMany({
    where: { id: answer.conversationId, waitingSince },
    data: {
      waitingSince: null,
      slaNotifiedAt: null,
      slaEscalatedAt: null,
      ...(isFirst
        ? {
            firstResponseAt: answer.answeredAt,
            firstResponseSeconds: slaSecondsBetween(conversation.firstInboundAt ?? waitingSince, answer.answeredAt, hours),
            firstResponseById: answer.byUserId,
          }
        : {}),
    },
  });
  if (closed.count === 0) return;
  await tx.message.update({ where: { id: answer.messageId }, data: { responseSeconds: slaSecondsBetween(waitingSince, answer.answeredAt, hours) } });
}
