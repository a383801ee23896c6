/**
 * The Content-Security-Policy of every page (set per request by proxy.ts). Scripts run only with
 * this response's nonce, which Next puts on its own scripts, and what they load ('strict-dynamic'):
 * an injected <script> or inline handler never runs. Styles: the stylesheet and nonce'd <style>
 * elements; `style` attributes stay allowed (React renders computed widths and sizes as attributes,
 * and an attribute can't run code). Development keeps 'unsafe-eval' for React's error overlay.
 */
export function contentSecurityPolicy(
  nonce: string,
  development: boolean,
  mediaHosts: readonly string[] = [],
  options: { inlineStyles?: boolean } = {},
): string {
  // Hosts trusted for customer media (MEDIA_ALLOWED_HOSTS: the local fake Graph API in demos and
  // tests) serve profile pictures too, possibly over plain http.
  const extraImages = mediaHosts.flatMap((host) => [`http://${host}`, `https://${host}`]).join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // A nonce in style-src would make browsers ignore 'unsafe-inline', so a page that needs inline
    // styles (the API reference's viewer injects its theme) names none.
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob: https:${extraImages ? ` ${extraImages}` : ""}`,
    "media-src 'self' blob: https:",
    "connect-src 'self'",
    // The service worker and the web manifest (PWA): 'strict-dynamic' makes script-src ignore
    // 'self', and workers fall back to it, so the worker is allowed by name.
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * API answers are data and media, never pages: opened in a tab (an attachment, a JSON answer),
 * nothing in them may run a script. Same-origin loads stay allowed for the browser's own viewers.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
