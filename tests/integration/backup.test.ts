// Backups of the embedded database: `npm run db:backup` while webhooks pour in, then
// `npm run db:restore` into an empty data directory; every delivery acknowledged before the backup
// began is in the restored copy, with the local secrets, and the app starts on it.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instagramText, postWebhook, igsidFor } from "../../scripts/meta-sim/payloads";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { appSecretFor, channelEnv } from "../../scripts/bench/channel-env";
import { ROOT, startApp, TEST_ADMIN, TEST_DATABASE, type RunningApp } from "../helpers/app";
import { signIn } from "../helpers/session";

const run = promisify(execFile);
const npmScript = (script: string, args: string[], env: Record<string, string>) =>
  run(path.join(ROOT, "node_modules", ".bin", "tsx"), [`scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", ...env },
  });

describe.skipIf(TEST_DATABASE === "postgres")("SQLite backup and restore (PostgreSQL: pg_dump, see README)", () => {
  let graph: FakeGraph;
  let app: RunningApp;
  const scratch = mkdtempSync(path.join(tmpdir(), "inbox-backup-"));
  const backupFile = path.join(scratch, "inbox-backup.db");
  const restoredDir = path.join(scratch, "restored");

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    app = await startApp({ env: channelEnv(graph.url) });
    // A first sign-in has the app generate its local secrets (session signing key), as any real install has.
    await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("a backup taken mid-burst holds every delivery acknowledged before it began", async () => {
    const acknowledged: string[] = [];
    let ackedBeforeBackup: string[] | null = null;
    let backup: Promise<unknown> | null = null;
    let next = 0;
    const total = 160;
    const worker = async () => {
      while (next < total) {
        const index = next++;
        const res = await postWebhook({
          appUrl: app.url,
          channel: "instagram",
          payload: instagramText({ senderId: igsidFor(`backup.${index % 20}`), text: `burst ${index}` }),
          appSecret: appSecretFor("instagram"),
        });
        expect(res.status).toBe(200);
        acknowledged.push(((await res.json()) as { eventId: string }).eventId);
        if (acknowledged.length === 50 && !backup) {
          ackedBeforeBackup = [...acknowledged];
          backup = npmScript("db-backup", ["--to", backupFile], { DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDir });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const { stdout } = (await backup!) as { stdout: string };
    expect(stdout).toMatch(/with local-secrets\.json/);

    await npmScript("db-restore", ["--from", backupFile], { DATABASE_URL: `file:${path.join(restoredDir, "inbox.db")}`, DATA_DIR: restoredDir });
    const restored = new Database(path.join(restoredDir, "inbox.db"), { readonly: true, fileMustExist: true });
    const ids = new Set(restored.prepare('SELECT id FROM "ExternalEventLog"').pluck().all() as string[]);
    const tables = restored.prepare("SELECT name FROM sqlite_master WHERE name = '_backup_local_secrets'").all();
    restored.close();
    expect(ackedBeforeBackup!.filter((id) => !ids.has(id))).toEqual([]);
    expect(tables).toEqual([]);
    expect(readFileSync(path.join(restoredDir, "local-secrets.json"), "utf8")).toBe(readFileSync(path.join(app.dataDir, "local-secrets.json"), "utf8"));
  });

  it("refuses to restore over an existing database", async () => {
    const again = npmScript("db-restore", ["--from", backupFile], { DATABASE_URL: `file:${path.join(restoredDir, "inbox.db")}`, DATA_DIR: restoredDir });
    await expect(again).rejects.toMatchObject({ stderr: expect.stringMatching(/exists: restore only into an empty data directory/) });
  });

  it("the app starts on the restored data and the admin signs in", async () => {
    const restoredApp = await startApp({ dataDir: restoredDir, env: { ...channelEnv(graph.url), DATABASE_URL: `file:${path.join(restoredDir, "inbox.db")}` } });
    try {
      const cookie = await signIn(restoredApp.url, TEST_ADMIN.email, TEST_ADMIN.password);
      const list = await fetch(`${restoredApp.url}/api/inbox/conversations`, { headers: { cookie } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { conversations: unknown[] }).conversations.length).toBeGreaterThan(0);
    } finally {
      await restoredApp.stop();
    }
  });
});
