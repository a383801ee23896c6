#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest — types, unit tests, the production build,
# integration tests against it, then the browser suite against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"
# Next's generated route types first, so tsc also checks every page's and route's exports
# against what Next expects (the check `next build` would otherwise repeat, below).
npx next typegen >/dev/null
npx tsc --noEmit
echo "== derived PostgreSQL schema and migrations are up to date"
npm run --silent db:check-variants
echo "== unit tests"
npx vitest run lib scripts
echo "== production build"
NEXT_BUILD_TYPES_CHECKED=1 npx next build
echo "== integration tests (built app, real SQLite)"
npx vitest run tests
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration tests (built app, PostgreSQL)"
  TEST_DATABASE=postgres npx vitest run tests
fi
echo "== browser tests (Chromium)"
npx playwright test
