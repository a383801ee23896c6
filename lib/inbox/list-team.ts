import { db } from "@/lib/db";

/** Active staff, for the assign menu. Names only: the inbox needs no emails or roles. */
export async function listTeam() {
  return db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
