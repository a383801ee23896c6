import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./lib/content-security-policy";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks everything (Next's generated route types included) with `tsc --noEmit`
  // just before it builds, and sets this so the build does not spend the same ~40 s again.
  // Every other build (`npm start`, `npm run build`, a deploy) still type-checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPES_CHECKED === "1" },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Pages get a per-request CSP with a script nonce from proxy.ts; the API gets this one, except
      // its reference page (/api/v1/docs), which is a page.
      { source: "/api/:path((?!v1/docs$).*)", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
