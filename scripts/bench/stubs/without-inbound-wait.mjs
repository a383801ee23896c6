// Node module hook for the speed-to-lead ingest bench: resolves lib/speed-to-lead/inbound-wait.ts to
// the stub that adds nothing to the writer's UPDATE, so "without" runs the very same writer code.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      const stub = ${JSON.stringify(new URL("./inbound-wait-off.ts", import.meta.url).href)};
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        return resolved.url.endsWith("/lib/speed-to-lead/inbound-wait.ts") ? { ...resolved, url: stub } : resolved;
      }
    `),
);
