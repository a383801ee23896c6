import type { Prisma } from "@/lib/generated/prisma/client";

/** The inbox list's `label=<id>`: conversations carrying that label (the [labelId, conversationId] index). */
export function labelWhere(labelId: string | undefined): Prisma.ConversationWhereInput {
  return labelId ? { labels: { some: { labelId } } } : {};
}
