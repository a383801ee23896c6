/** Narrower than NodeJS.ProcessEnv (which Next types with a required NODE_ENV), so plain objects pass. */
export type EnvVars = Readonly<Record<string, string | undefined>>;

/** First of `names` set to something other than blanks; env files often carry `FOO=` placeholders. */
export function readEnv(env: EnvVars, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Graph base URL, version and call deadline shared by every Meta channel; tests and demos point the URL at the fake. */
export function graphSettingsFromEnv(env: EnvVars): { graphApiUrl: string; graphApiVersion: string; graphTimeoutMs?: number } {
  const timeoutMs = Number(readEnv(env, "META_GRAPH_API_TIMEOUT_MS"));
  return {
    graphApiUrl: (readEnv(env, "META_GRAPH_API_URL") ?? "https://graph.facebook.com").replace(/\/+$/, ""),
    graphApiVersion: readEnv(env, "META_GRAPH_API_VERSION") ?? "v21.0",
    // Unset: the client's default. lib/env has already refused a bad value at start-up.
    ...(Number.isInteger(timeoutMs) && timeoutMs > 0 ? { graphTimeoutMs: timeoutMs } : {}),
  };
}
