// `npm run db:backup -- --to FILE`: a consistent copy of the SQLite database, taken while the app
// runs, with the local secrets needed to read it (lib/backup/sqlite-backup.ts).
import { parseArgs } from "node:util";
import { backupSqlite } from "@/lib/backup/sqlite-backup";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { to: { type: "string" } } });
if (!values.to) {
  console.error("Usage: npm run db:backup -- --to FILE");
  process.exit(2);
}
try {
  const { bytes, withSecrets } = await backupSqlite({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, to: values.to });
  console.log(`Backed up ${env.DATABASE_URL} to ${values.to} (${bytes} bytes${withSecrets ? ", with local-secrets.json" : "; keys come from the environment: keep APP_ENCRYPTION_KEY and NEXTAUTH_SECRET too"}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
