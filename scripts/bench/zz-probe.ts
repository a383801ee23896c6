import { startApp, TEST_ADMIN } from "/work/wt/leads-pipeline/tests/helpers/app";
import { createUser, signIn } from "/work/wt/leads-pipeline/tests/helpers/session";
import { percentile, timeRequests } from "/work/wt/leads-pipeline/scripts/bench/stats";
const dataDir = "/tmp/lp-bigdir";
const databaseUrl = "file:/tmp/lp-big.db";
if (process.argv[2] === "user") await createUser({ databaseUrl, dataDir }, { ...TEST_ADMIN, role: "ADMIN" });
const app = await startApp({ port: 3933, dataDir, env: { DATABASE_URL: databaseUrl } });
try {
  const cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  for (const path of process.argv.includes("export-only") ? [] : ["/api/inbox/conversations", "/api/leads?limit=50", "/api/leads/board", "/api/leads?limit=50&status=NEW", "/api/leads?limit=50&sort=value"]) {
    const samples = await timeRequests(40, () => fetch(`${app.url}${path}`, { headers: { cookie } }));
    console.log(path, "p50", percentile(samples, 50).toFixed(1), "p95", percentile(samples, 95).toFixed(1));
  }
  if (process.argv.includes("export")) {
    const { benchLeadsExport } = await import("/work/wt/leads-pipeline/scripts/bench/leads-export");
    console.log(await benchLeadsExport(app.url, cookie));
  }
} finally {
  await app.stop();
}
