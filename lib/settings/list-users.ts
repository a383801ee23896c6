import { db } from "@/lib/db";
import { publicUserSelect } from "@/lib/users/create-user";

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: "ADMIN" | "AGENT";
  createdAt: string;
  disabledAt: string | null;
}

export async function listUsers(): Promise<StaffMember[]> {
  const users = await db.user.findMany({ select: publicUserSelect, orderBy: { createdAt: "asc" } });
  return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString(), disabledAt: user.disabledAt?.toISOString() ?? null }));
}
