import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import type { CreateQuickReplyInput, UpdateQuickReplyInput } from "@/lib/validations/quick-reply";

/** Team-wide saved replies, inserted with "/shortcut" in the composer. */

const quickReplySelect = {
  id: true,
  shortcut: true,
  body: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export async function listQuickReplies() {
  return db.quickReply.findMany({ orderBy: { shortcut: "asc" }, select: quickReplySelect });
}

export async function createQuickReply(input: CreateQuickReplyInput, user: Pick<SessionUser, "id">) {
  try {
    return await db.quickReply.create({ data: { ...input, createdById: user.id }, select: quickReplySelect });
  } catch (error) {
    throw shortcutTaken(error, input.shortcut);
  }
}

export async function updateQuickReply(id: string, input: UpdateQuickReplyInput) {
  await findOrThrow(id);
  try {
    return await db.quickReply.update({ where: { id }, data: input, select: quickReplySelect });
  } catch (error) {
    throw shortcutTaken(error, input.shortcut);
  }
}

export async function deleteQuickReply(id: string) {
  await findOrThrow(id);
  await db.quickReply.delete({ where: { id } });
}

async function findOrThrow(id: string) {
  const found = await db.quickReply.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new ApiError({ code: "NOT_FOUND", message: "Quick reply not found" });
}

function shortcutTaken(error: unknown, shortcut: string | undefined) {
  if (!isUniqueViolation(error, { model: "QuickReply" })) return error;
  return new ApiError({
    code: "CONFLICT",
    message: `Shortcut already in use: /${shortcut} inserts another reply. Pick another shortcut.`,
    details: [{ field: "shortcut", issue: "Already used" }],
  });
}
