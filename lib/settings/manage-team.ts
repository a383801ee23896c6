import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { createUser, publicUserSelect } from "@/lib/users/create-user";
import { hashPassword } from "@/lib/users/password";
import { endAllUserSessions } from "@/lib/users/user-sessions";
import type { CreateStaffInput, UpdateStaffInput } from "@/lib/validations/settings";

/**
 * Team management for admins. Every change that should end someone's current sessions (disable,
 * role change, password reset) bumps `sessionVersion`; lib/auth.ts compares it on every request.
 */

const LAST_ADMIN = "The last active admin cannot be demoted or disabled. Make someone else an admin first.";

export async function addStaffMember(input: CreateStaffInput, actorId: string) {
  try {
    const user = await createUser(input);
    await writeAuditLog({ actorId, action: "user.create", target: user.email, details: { role: user.role } });
    return user;
  } catch (error) {
    // Two admins adding the same email at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError({ code: "CONFLICT", message: "A staff member with this email already exists" });
    }
    throw error;
  }
}

export async function updateStaffMember(userId: string, change: UpdateStaffInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, disabledAt: true } });
    if (!before) throw new ApiError({ code: "NOT_FOUND", message: "No such staff member" });

    const data: Prisma.UserUpdateInput =
      "role" in change
        ? { role: change.role }
        : { disabledAt: change.disabled ? (before.disabledAt ?? new Date()) : null };
    const unchanged = "role" in change ? before.role === change.role : Boolean(before.disabledAt) === change.disabled;
    if (unchanged) return tx.user.findUniqueOrThrow({ where: { id: userId }, select: publicUserSelect });

    // Write first, then count: the write takes SQLite's (or PostgreSQL's row) lock, so two admins
    // demoting each other at the same moment cannot both see "one other admin left".
    const after = await tx.user.update({
      where: { id: userId },
      data: { ...data, sessionVersion: { increment: 1 } },
      select: publicUserSelect,
    });
    const activeAdmins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
    if (activeAdmins === 0) throw new ApiError({ code: "CONFLICT", message: LAST_ADMIN });

    await writeAuditLog(
      "role" in change
        ? { actorId, action: "user.role", target: before.email, details: { from: before.role, to: change.role } }
        : { actorId, action: change.disabled ? "user.disable" : "user.enable", target: before.email },
      tx,
    );
    return after;
  });
}

export async function resetStaffPassword(userId: string, password: string, actorId: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new ApiError({ code: "NOT_FOUND", message: "No such staff member" });
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: publicUserSelect,
    });
    await writeAuditLog({ actorId, action: "user.password-reset", target: user.email }, tx);
    return updated;
  });
}

/** Ends every session of a team member (a lost laptop, a shared computer), without changing anything else. */
export async function signOutStaffEverywhere(userId: string, actorId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new ApiError({ code: "NOT_FOUND", message: "No such staff member" });
  await endAllUserSessions(userId);
  await writeAuditLog({ actorId, action: "user.sign-out-everywhere", target: user.email });
}
