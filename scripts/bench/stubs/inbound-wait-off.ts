// The "without" side of the speed-to-lead ingest bench: the batch writer's UPDATE with no
// write-time waiting fields. Swapped in for lib/speed-to-lead/inbound-wait.ts by without-inbound-wait.mjs.
import { Prisma } from "@/lib/generated/prisma/client";

export const inboundWaitAssignments = Prisma.empty;
