import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Up to this many conversations a label is rare: its conversations are collected first (the
 * [labelId, conversationId] index) and only they are sorted. Past it the label is common, and
 * walking the list's own index in order fills a page sooner (as search does with common words).
 * Measured at 100k conversations in BENCHMARKS.md.
 */
const RARE_LABEL_LIMIT = 1000;

/** The inbox list's `label=<id>`: conversations carrying that label. */
export async function labelWhere(labelId: string | undefined): Promise<Prisma.ConversationWhereInput> {
  if (!labelId) return {};
  const rows = await db.conversationLabel.findMany({ where: { labelId }, select: { conversationId: true }, take: RARE_LABEL_LIMIT + 1 });
  if (rows.length <= RARE_LABEL_LIMIT) return { id: { in: rows.map((row) => row.conversationId) } };
  return { labels: { some: { labelId } } };
}
