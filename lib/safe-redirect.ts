/** Only same-site paths: a crafted `callbackUrl` must not send a user to another site after sign-in. */
export function safeRedirectPath(value: string | null | undefined, fallback = "/inbox"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
