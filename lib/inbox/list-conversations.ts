import { db } from "@/lib/db";

export async function listConversations() {
  const conversations = await db.conversation.findMany({
    where: { hidden: false, status: "OPEN" },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: 50,
    include: { contact: true },
  });
  return { conversations, nextCursor: null as string | null };
}
