import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/users/password";

export const publicUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
  disabledAt: true,
} as const;

export async function createUser(input: { name: string; email: string; password: string; role: Role }) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new ApiError({ code: "CONFLICT", message: "A staff member with this email already exists" });
  return db.user.create({
    data: { name: input.name.trim(), email, role: input.role, passwordHash: await hashPassword(input.password) },
    select: publicUserSelect,
  });
}

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/**
 * The first admin, from /setup. Checked again inside a transaction so two visitors racing the
 * setup page cannot both become admin.
 */
export async function createFirstAdmin(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      throw new ApiError({ code: "CONFLICT", message: "Setup is already complete. Sign in instead." });
    }
    return tx.user.create({
      data: { name: input.name.trim(), email: input.email.trim().toLowerCase(), role: "ADMIN", passwordHash },
      select: publicUserSelect,
    });
  });
}
