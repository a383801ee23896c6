import { describeError } from "@/lib/describe-error";
import { runMigrations } from "@/lib/db-migrate";
import { env } from "@/lib/env";
import { startEventSweeper } from "@/lib/inbox/webhooks/event-sweeper";
import { startTokenRefresher } from "@/lib/settings/refresh-instagram-tokens";
import { startMediaWorker } from "@/lib/media/media-worker";
import { startSnoozeWaker } from "@/lib/snooze/wake-snoozed";
import { recordSocketAddresses } from "@/lib/net/client-ip";
import { ensureAdminFromEnv } from "@/lib/users/ensure-admin-from-env";

/**
 * Once per server instance, before it serves: stamp requests with their socket's address (for the
 * sign-in throttle), apply pending migrations, then create the first admin
 * from env, then start the sweeper that re-queues webhook events a crash left unprocessed and the
 * job that refreshes Instagram Login tokens before they expire, and the media worker (which also
 * resumes downloads a crash interrupted), and the loop that wakes snoozed conversations.
 * A bad env var or a failed migration stops the instance rather than serving errors.
 */
export async function startUp(): Promise<void> {
  recordSocketAddresses();
  try {
    const report = await runMigrations(env.DATABASE_URL);
    if (report.applied.length > 0) console.log(`[start] applied migrations: ${report.applied.join(", ")}`);
    if ((await ensureAdminFromEnv()) === "created") console.log(`[start] created admin ${env.ADMIN_EMAIL}`);
    startEventSweeper(env.EVENT_SWEEP_INTERVAL_MS);
    startTokenRefresher(env.INSTAGRAM_TOKEN_REFRESH_INTERVAL_MS);
    startMediaWorker(env.MEDIA_SWEEP_INTERVAL_MS);
    startSnoozeWaker(env.SNOOZE_WAKE_INTERVAL_MS);
  } catch (error) {
    console.error(`[start] ${describeError(error)}`);
    process.exit(1);
  }
}
