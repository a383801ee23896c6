import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createFirstAdmin } from "@/lib/users/create-user";

/** At start-up: when nobody can sign in yet and ADMIN_EMAIL + ADMIN_PASSWORD are set, create that admin. */
export async function ensureAdminFromEnv(): Promise<"created" | "skipped"> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return "skipped";
  if ((await db.user.count()) > 0) return "skipped";
  try {
    await createFirstAdmin({ name: env.ADMIN_NAME ?? "Admin", email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    return "created";
  } catch {
    // Another instance created the first user at the same moment.
    return "skipped";
  }
}
