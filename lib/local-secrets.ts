import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeKey, env } from "@/lib/env";

/**
 * Zero-setup installs get an encryption key and an auth secret generated once into the data
 * directory, so restarts keep sessions and stored tokens readable. Deployments with several
 * instances must set APP_ENCRYPTION_KEY and NEXTAUTH_SECRET instead (every instance needs the same).
 */

interface LocalSecrets {
  encryptionKey: string;
  authSecret: string;
}

let cached: LocalSecrets | undefined;

function loadOrCreateLocalSecrets(): LocalSecrets {
  if (cached) return cached;
  const file = path.join(env.DATA_DIR, "local-secrets.json");
  try {
    cached = JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
    return cached;
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const created: LocalSecrets = {
      encryptionKey: randomBytes(32).toString("base64"),
      authSecret: randomBytes(32).toString("base64url"),
    };
    // `wx` fails if another process created the file first; then read theirs.
    try {
      writeFileSync(file, JSON.stringify(created), { mode: 0o600, flag: "wx" });
      cached = created;
    } catch {
      cached = JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
    }
    return cached;
  }
}

export function encryptionKey(): Buffer {
  const configured = env.APP_ENCRYPTION_KEY ?? loadOrCreateLocalSecrets().encryptionKey;
  const key = decodeKey(configured);
  if (!key) throw new Error("APP_ENCRYPTION_KEY: must be 32 bytes encoded as base64 or hex");
  return key;
}

export function authSecret(): string {
  return env.NEXTAUTH_SECRET ?? loadOrCreateLocalSecrets().authSecret;
}
