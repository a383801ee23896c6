import { z } from "zod";
import { channelCatalog } from "./channels/catalog";

/**
 * The only module that reads `process.env`. Every variable is validated once, at start-up; a bad
 * value stops the app with a message naming the variable. None is required for the local default.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
    message: 'must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)',
  });

const channelEnvVars = Object.fromEntries(channelCatalog.flatMap((meta) => meta.envNames).map((name) => [name, optionalString])) as Record<
  (typeof channelCatalog)[number]["envNames"][number],
  typeof optionalString
>;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrl.default("file:./data/inbox.db"),
  /** Where the embedded database, generated local keys and stored media live. */
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /** 32 bytes, base64 or hex. Generated into DATA_DIR on first run when unset. */
  APP_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((value) => decodeKey(value) !== null, {
        message: "must be 32 bytes encoded as base64 (44 chars) or hex (64 chars)",
      })
      .optional(),
  ),
  /** next-auth's signing secret. Generated into DATA_DIR on first run when unset. */
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  /** Public base URL of this app, shown as the webhook callback URL in settings. */
  APP_URL: optionalString.pipe(z.url().optional()),
  /**
   * Set only behind a reverse proxy that overwrites X-Forwarded-For/-Host/-Proto: then the client IP,
   * host and scheme come from those headers. Unset, they are ignored (anyone can send them).
   */
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  ADMIN_NAME: optionalString,
  /** Graph base for Facebook Login (Page token) Instagram accounts and for WhatsApp. */
  META_GRAPH_API_URL: z.url().default("https://graph.facebook.com"),
  /** Graph base for Instagram accounts connected through Instagram Login (Instagram user token). */
  INSTAGRAM_GRAPH_API_URL: z.url().default("https://graph.instagram.com"),
  META_GRAPH_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like "v21.0"')
    .default("v21.0"),
  /** Deadline for one Graph API call (sends, profiles, templates, sync, connection tests): no answer by then is a timeout. */
  META_GRAPH_API_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  META_APP_SECRET: optionalString,
  META_ACCESS_TOKEN: optionalString,
  // Each channel's own credentials (INSTAGRAM_*, WHATSAPP_*, MESSENGER_*): the names live in its catalog entry.
  ...channelEnvVars,
  /** How often webhook events left unprocessed by a crash or restart are picked up again. */
  EVENT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** How often snoozed conversations whose time has come are reopened (lib/snooze/wake-snoozed.ts). */
  SNOOZE_WAKE_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** How often conversations waiting past the SLA target are looked for (lib/sla/check-sla-breaches.ts). */
  SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** How often Instagram Login tokens due for renewal are looked for (see lib/settings/refresh-instagram-tokens.ts). */
  INSTAGRAM_TOKEN_REFRESH_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
  /** Where attachment files live: `local` (DATA_DIR/media) or any S3-compatible bucket. */
  MEDIA_STORAGE: z.enum(["local", "s3"]).default("local"),
  /** Larger files are refused (uploads) or marked too large (customer media), never stored. */
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  /** First wait before retrying a failed media download; doubles with every further attempt (capped at 1 h). */
  MEDIA_RETRY_BASE_MS: z.coerce.number().int().min(10).default(60_000),
  /** Download attempts per file before it is marked FAILED ("media never arrived"). */
  MEDIA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /**
   * Extra hosts (`host` or `host:port`, comma-separated) customer media may be downloaded from,
   * besides Meta's CDNs. Each is trusted exactly as named, private addresses included: for the local
   * fake Graph API in demos and tests, or an internal mirror. Empty by default.
   */
  MEDIA_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((host) => host.trim()).filter(Boolean)),
  /** How often the media worker looks for downloads that are due (retries, and work a crash or restart left behind). */
  MEDIA_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** How often each instance looks for due background jobs (lib/jobs/); work queued here starts at once anyway. */
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  /** Background jobs run at once per instance (webhook deliveries, sweeps). */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Requests per API token (/api/v1) per window; one more answers 429 with Retry-After. */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  API_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Outgoing webhooks may go to loopback and private addresses: only for local receivers and tests. */
  WEBHOOKS_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** A receiver that has not answered by then failed this attempt. */
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** First wait before retrying a failed delivery; doubles per attempt, capped at an hour. */
  WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** A delivery is retried for this long after its event (default 25 h), then marked failed. */
  WEBHOOKS_RETRY_FOR_MS: z.coerce.number().int().min(100).default(25 * 3_600_000),
  /** An endpoint failing without a single success for this long (default a day) is disabled. */
  WEBHOOKS_DISABLE_AFTER_MS: z.coerce.number().int().min(100).default(24 * 3_600_000),
  /** Leave unset for AWS itself; set for MinIO, R2, Spaces and other S3-compatible services. */
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Bucket in the path (`endpoint/bucket/key`) rather than the host name: what most self-hosted servers expect. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
}).superRefine((value, ctx) => {
  if (value.MEDIA_STORAGE !== "s3") return;
  for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!value[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when MEDIA_STORAGE=s3" });
  }
});

export type Env = z.infer<typeof envSchema>;

export function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  const fromBase64 = Buffer.from(trimmed, "base64");
  return fromBase64.length === 32 ? fromBase64 : null;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

/** A bad variable stops the process with a message naming it, before anything is served. */
function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

export const env: Env = loadEnv();

// next-auth reads its settings from process.env itself. Without NEXTAUTH_URL it would point every
// callback at http://localhost:3000. The app's one public origin (lib/settings/app-origin.ts) is
// APP_URL, else the host the request reached: next-auth gets the first as its URL, or is told to
// use the request's host (X-Forwarded-Host, which lib/net/client-ip.ts lets through only from a
// trusted proxy; otherwise Next sets it from the Host header).
if (!env.NEXTAUTH_URL) {
  if (env.APP_URL) process.env.NEXTAUTH_URL = env.APP_URL;
  else process.env.AUTH_TRUST_HOST = "true";
}
