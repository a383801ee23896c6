import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";

/** A lead's owner must be an active teammate: a disabled one could never work it. */
export async function assertOwnerCanOwn(ownerId: string): Promise<void> {
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!owner || owner.disabledAt) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: "That teammate doesn't exist or is disabled",
      details: [{ field: "ownerId", issue: "Unknown or disabled user" }],
    });
  }
}
