import { defineConfig } from "@playwright/test";
import { E2E_ADMIN, E2E_AGENT, E2E_APP_PORT, E2E_APP_URL, E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_PORT, E2E_FAKE_GRAPH_URL } from "./e2e/e2e-env";

const createUser = (user: { email: string; name: string; role: string; password: string }) =>
  `npx tsx scripts/create-user.ts --email ${user.email} --name "${user.name}" --role ${user.role} --password ${user.password}`;

// The production build (npm test builds first) on a fresh database with a known admin and agent.
const appCommand = [
  "rm -rf .e2e-data",
  createUser(E2E_ADMIN),
  createUser(E2E_AGENT),
  `exec npx next start -p ${E2E_APP_PORT} -H 127.0.0.1`,
].join(" && ");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // One retry on CI, reported as "flaky" in the output: a red run lands nothing, and a test that
  // fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E_APP_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx scripts/fake-graph/main.ts --port ${E2E_FAKE_GRAPH_PORT}`,
      url: `${E2E_FAKE_GRAPH_URL}/__fake/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `bash -c '${appCommand}'`,
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: ".e2e-data",
        DATABASE_URL: "file:./.e2e-data/inbox.db",
        NEXTAUTH_URL: E2E_APP_URL,
        APP_URL: E2E_APP_URL,
        ...E2E_CHANNEL_ENV,
        // e2e/api-webhooks.spec.ts delivers to a receiver on loopback.
        WEBHOOKS_ALLOW_PRIVATE_URLS: "true",
      },
    },
  ],
});
