import { db } from "@/lib/db";
import { publicUserSelect } from "@/lib/users/create-user";

export function listUsers() {
  return db.user.findMany({ select: publicUserSelect, orderBy: { createdAt: "asc" } });
}
