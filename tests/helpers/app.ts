import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "./postgres";

/**
 * Starts the production build (`next build` must have run) as a real server on a free port, with a
 * fresh database and an admin from env, so integration tests talk HTTP to the app as Meta and the
 * browser do. The database is a fresh SQLite file, or with TEST_DATABASE=postgres a fresh
 * PostgreSQL database next to TEST_POSTGRES_URL (dropped on stop). Passing env.DATABASE_URL uses
 * that database as is (e.g. two instances sharing one).
 */

export const TEST_DATABASE = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

// import.meta.url rather than __dirname: the benchmark loads this helper as an ES module through tsx.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEST_ADMIN = { name: "Ada Admin", email: "admin@example.com", password: "admin-password-1" } as const;

export interface RunningApp {
  url: string;
  dataDir: string;
  databaseUrl: string;
  /** Everything the server printed so far: for assertions on logs (e.g. no secret in them). */
  logs(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or an OOM kill would: no shutdown hooks run. The data directory is kept. */
  crash(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startApp(
  options: { env?: Record<string, string>; dataDir?: string; /** A fixed port (e.g. from a reserved range); free one when omitted. */ port?: number } = {},
): Promise<RunningApp> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` before the integration tests (npm test does).");
  }
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "inbox-test-"));
  const database = await freshDatabase(dataDir, options.env?.DATABASE_URL);
  const databaseUrl = database.url;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: url,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        ADMIN_NAME: TEST_ADMIN.name,
        ADMIN_EMAIL: TEST_ADMIN.email,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        // Media downloads are fenced to Meta's CDNs and public addresses; the fake Graph API a test
        // points the app at is its CDN, on loopback, so it is named as the one trusted media host.
        ...fakeMediaHosts(options.env),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: `next start` runs the server in a child process, and stop() must end both.
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const stop = async () => {
    await stopProcess(child);
    await database.drop();
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const crash = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGKILL");
    });
  return { url, dataDir, databaseUrl, logs: () => output, stop, crash };
}

function fakeMediaHosts(env: Record<string, string> | undefined): Record<string, string> {
  const hosts = [env?.META_GRAPH_API_URL, env?.INSTAGRAM_GRAPH_API_URL].filter(Boolean).map((url) => new URL(url!).host);
  return hosts.length > 0 ? { MEDIA_ALLOWED_HOSTS: hosts.join(",") } : {};
}

async function freshDatabase(dataDir: string, given: string | undefined): Promise<{ url: string; drop(): Promise<void> }> {
  const keep = async () => {};
  if (given) return { url: given, drop: keep };
  if (TEST_DATABASE === "postgres") {
    if (!process.env.TEST_POSTGRES_URL) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (an admin connection URL)");
    return createTestDatabase();
  }
  return { url: `file:${path.join(dataDir, "inbox.db")}`, drop: keep };
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`App exited with ${child.exitCode}:\n${logs()}`);
    try {
      // A connection of its own, closed after the answer, and the body read: an unread response
      // kept its socket busy, so the server's graceful shutdown in stop() waited ~3 s for it; a
      // socket left idle in the pool can be closed by the server while a test blocks the event
      // loop (inbox-scale's synchronous seed) and then fail the test's next request.
      const res = await fetch(`${url}/api/health`, { headers: { connection: "close" } });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`App did not become healthy within 60 s:\n${logs()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    const killTimer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killTimer);
      signalGroup("SIGKILL");
      resolve();
    });
    signalGroup("SIGTERM");
  });
}
