import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

export async function getConversation(id: string) {
  const conversation = await db.conversation.findUnique({ where: { id }, include: { contact: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  return { conversation };
}
