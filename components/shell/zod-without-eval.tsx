"use client";

import { z } from "zod";

// zod 4 probes for `Function("")` to compile faster validators; under this app's CSP (no
// 'unsafe-eval') the probe is refused, and the browser reports a violation on every page. Telling
// zod up front to skip it keeps validation the same and the CSP report clean.
z.config({ jitless: true });

/** Rendered once by the root layout so the setting above runs in the browser before any form validates. */
export function ZodWithoutEval() {
  return null;
}
