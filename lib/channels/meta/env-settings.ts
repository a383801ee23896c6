/** First of `names` set to something other than blanks; env files often carry `FOO=` placeholders. */
export function readEnv(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Graph base URL and version shared by every Meta channel; tests and demos point the URL at the fake. */
export function graphSettingsFromEnv(env: NodeJS.ProcessEnv): { graphApiUrl: string; graphApiVersion: string } {
  return {
    graphApiUrl: (readEnv(env, "META_GRAPH_API_URL") ?? "https://graph.facebook.com").replace(/\/+$/, ""),
    graphApiVersion: readEnv(env, "META_GRAPH_API_VERSION") ?? "v21.0",
  };
}
