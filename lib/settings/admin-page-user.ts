import type { SessionUser } from "@/lib/auth";
import { requirePageUser } from "@/lib/require-page-user";

/**
 * For settings pages: the signed-in admin, or null for an agent (the page then shows "ask an
 * admin"). Each page checks for itself because Next renders layouts and pages in parallel: the
 * layout's check alone would not stop a page from loading admin data.
 */
export async function adminPageUser(): Promise<SessionUser | null> {
  const user = await requirePageUser();
  return user.role === "ADMIN" ? user : null;
}
