// `npm run db:migrate`: apply pending migrations without starting the app (the app also does this at start-up).
import { env } from "@/lib/env";
import { runMigrations } from "@/lib/db-migrate";

const report = await runMigrations(env.DATABASE_URL);
console.log(
  report.applied.length > 0
    ? `Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
    : `Database is up to date (${report.alreadyApplied} migrations applied before).`,
);
