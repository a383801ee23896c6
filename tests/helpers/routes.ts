import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./app";

/**
 * Every API route handler in the source tree, with its methods and the wrapper each method uses, so
 * robustness and security tests cover routes added after they were written without being edited.
 */

export type Guard = "admin" | "user" | "other";

export interface ApiRoute {
  /** The route file, relative to the repository root. */
  file: string;
  /** URL pattern, e.g. /api/inbox/conversations/[id]/messages. */
  pattern: string;
  methods: { method: string; guard: Guard }[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Routes anyone may call: health for load balancers, next-auth's own endpoints, Meta's webhooks,
 * the signed, expiring links Meta fetches reply attachments from, and the REST API's OpenAPI document.
 */
export function isPublicRoute(pattern: string): boolean {
  return (
    pattern === "/api/health" ||
    pattern.startsWith("/api/auth/") ||
    pattern.startsWith("/api/webhooks/") ||
    pattern === "/api/media/reply-attachments/[token]" ||
    pattern === "/api/v1/openapi.json"
  );
}

function findRouteFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

export function listApiRoutes(): ApiRoute[] {
  return findRouteFiles(path.join(ROOT, "app", "api"))
    .map((full) => {
      const source = readFileSync(full, "utf8");
      const pattern = "/" + path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep).join("/");
      const methods = METHODS.flatMap((method) => {
        const declaration = new RegExp(`export\\s+(?:const\\s+${method}\\s*=\\s*(\\w*)|async\\s+function\\s+${method}\\b|function\\s+${method}\\b)|\\bas\\s+${method}\\b`).exec(source);
        if (!declaration) return [];
        const wrapper = declaration[1];
        const guard: Guard = wrapper === "withAdmin" ? "admin" : wrapper === "withUser" ? "user" : "other";
        return [{ method, guard }];
      });
      return { file: path.relative(ROOT, full), pattern, methods };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A concrete URL for a pattern: dynamic segments get `value` (an id that exists, or one that doesn't). */
export function concretePath(pattern: string, value = "cm0000000000000000000nope"): string {
  return pattern.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, value);
}
