// `npm run db:restore -- --from FILE`: a backup from `npm run db:backup` into an empty data
// directory (DATA_DIR / DATABASE_URL), local secrets included. Start the app afterwards.
import { parseArgs } from "node:util";
import { restoreSqlite } from "@/lib/backup/sqlite-backup";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { from: { type: "string" } } });
if (!values.from) {
  console.error("Usage: npm run db:restore -- --from FILE");
  process.exit(2);
}
try {
  const { withSecrets } = restoreSqlite({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, from: values.from });
  console.log(`Restored ${values.from} into ${env.DATABASE_URL}${withSecrets ? " with local-secrets.json" : ""}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
