const BASE = "http://same-origin.invalid";

/**
 * Only same-origin relative paths: a crafted `callbackUrl` must not send a user to another site
 * after sign-in. Browsers drop tabs and newlines and read `\` as `/` in URLs, so "/\tevil.example"
 * would become "//evil.example": anything that resolves off this origin, or hides control
 * characters or backslashes, falls back.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/inbox"): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
