/**
 * Server components don't see the URL they render for; proxy.ts copies the page's path and query
 * into this request header (overwriting any a client sent) so a sign-in redirect can return there.
 */
export const REQUESTED_PATH_HEADER = "x-inbox-requested-path";
