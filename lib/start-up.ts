import { describeError } from "@/lib/describe-error";
import { runMigrations } from "@/lib/db-migrate";
import { env } from "@/lib/env";
import { whenEventQueueIdle } from "@/lib/inbox/webhooks/event-queue";
import { eventSweepJob } from "@/lib/inbox/webhooks/event-sweeper";
import { startJobRunner } from "@/lib/jobs/job-runner";
import { deliverWebhookJob } from "@/lib/outbound-webhooks/deliver-webhook";
import { fanOutWebhookEventJob } from "@/lib/outbound-webhooks/fan-out-webhook-event";
import { tokenRefreshJob } from "@/lib/settings/refresh-instagram-tokens";
import { mediaSweepJob } from "@/lib/media/media-worker";
import { snoozeWakeJob } from "@/lib/snooze/wake-snoozed";
import { autoAssignJob } from "@/lib/assignment/auto-assign-job";
import { slaBreachJob } from "@/lib/sla/check-sla-breaches";
import { recordSocketAddresses } from "@/lib/net/client-ip";
import { ensureAdminFromEnv } from "@/lib/users/ensure-admin-from-env";

/**
 * Once per server instance, before it serves: stamp requests with their socket's address (for the
 * sign-in throttle), apply pending migrations, then create the first admin
 * from env, then start the job runner (lib/jobs/) with its periodic jobs: the sweep that re-queues
 * webhook events a crash left unprocessed, the refresh of Instagram Login tokens before they
 * expire, the media sweep (which also resumes downloads a crash interrupted), the wake-up of
 * snoozed conversations whose time has come, and the SLA breach check; one-off: auto-assignment.
 * A bad env var or a failed migration stops the instance rather than serving errors.
 */
export async function startUp(): Promise<void> {
  recordSocketAddresses();
  try {
    const report = await runMigrations(env.DATABASE_URL);
    if (report.applied.length > 0) console.log(`[start] applied migrations: ${report.applied.join(", ")}`);
    if ((await ensureAdminFromEnv()) === "created") console.log(`[start] created admin ${env.ADMIN_EMAIL}`);
    await startJobRunner([eventSweepJob, tokenRefreshJob, mediaSweepJob, fanOutWebhookEventJob, deliverWebhookJob, snoozeWakeJob, autoAssignJob, slaBreachJob], { waitForIdle: whenEventQueueIdle });
  } catch (error) {
    console.error(`[start] ${describeError(error)}`);
    process.exit(1);
  }
}
