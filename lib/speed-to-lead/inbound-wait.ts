import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A customer's message starts a wait: the conversation's `waitingSince` becomes that message's time
 * unless a wait is already running (it keeps the oldest unanswered one), and `firstInboundAt` is
 * set once. Written as SET assignments for the ingest writer's one set-based UPDATE per batch
 * (lib/inbox/ingest/ingest-inbound-batch.ts), joined with a VALUES table `v` whose `oldest` column
 * is each conversation's oldest new message in the batch: no query of its own, so ingest costs the
 * same (see the `speed` bench section). Ends with a comma: it goes before the UPDATE's last
 * assignment.
 */
export const inboundWaitAssignments = Prisma.sql`
      "firstInboundAt" = COALESCE(c."firstInboundAt", v.oldest),
      "waitingSince" = COALESCE(c."waitingSince", v.oldest),`;
