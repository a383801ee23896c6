import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, type RunningApp } from "./app";

/** Signs in through next-auth's real credentials flow (CSRF token, callback) and returns the Cookie header. */
export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const { csrfCookies, status, setCookies } = await signInSetCookies(appUrl, email, password);
  const session = setCookies.find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`Sign-in failed for ${email} (HTTP ${status})`);
  return cookieHeader([...csrfCookies, ...setCookies]);
}

/** The credentials flow's raw Set-Cookie headers, for checks on cookie attributes. */
export async function signInSetCookies(appUrl: string, email: string, password: string) {
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie();
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(csrfCookies) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return { csrfCookies, status: response.status, setCookies: response.headers.getSetCookie() };
}

export type SignInOutcome = "ok" | "invalid" | "throttled" | "code-required" | "code-invalid";

/**
 * One credentials sign-in as the sign-in form makes it, with the answer next-auth gives the form
 * (its `error` name) and, on success, the Cookie header. `headers` may add e.g. X-Forwarded-For.
 */
export async function trySignIn(
  appUrl: string,
  credentials: { email: string; password: string; code?: string },
  headers: Record<string, string> = {},
): Promise<{ outcome: SignInOutcome; cookie: string | null }> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie();
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrfCookies), ...headers },
    body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }),
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  const setCookies = res.headers.getSetCookie();
  if (!error && setCookies.some((value) => value.includes("session-token="))) return { outcome: "ok", cookie: cookieHeader([...csrfCookies, ...setCookies]) };
  const outcomes: Record<string, SignInOutcome> = {
    TooManyAttempts: "throttled",
    CredentialsSignin: "invalid",
    TwoFactorRequired: "code-required",
    TwoFactorInvalid: "code-invalid",
  };
  const outcome = error ? outcomes[error] : undefined;
  if (!outcome) throw new Error(`Unexpected sign-in answer: ${res.status} ${url}`);
  return { outcome, cookie: null };
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/** Adds a staff member straight into the app's database with the same code `npm run user:create` runs. */
export async function createUser(
  app: Pick<RunningApp, "databaseUrl" | "dataDir">,
  user: { name: string; email: string; password: string; role: "ADMIN" | "AGENT" },
): Promise<void> {
  await promisify(execFile)(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    [
      "scripts/create-user.ts",
      "--email", user.email,
      "--name", user.name,
      "--role", user.role,
      "--password", user.password,
    ],
    { cwd: ROOT, env: { NODE_ENV: "test", PATH: process.env.PATH, DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDir } },
  );
}
