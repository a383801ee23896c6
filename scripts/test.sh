#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest — types and unit tests, the production build,
# integration tests against it, then the browser suite against it. Where two suites can share the
# machine's two cores they run side by side: one in the background, its output held in a file and
# printed whole when it ends, so the logs never interleave.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

declare -A background_pid background_log
run_in_background() { # NAME COMMAND...
  local name=$1
  shift
  background_log[$name]=$(mktemp)
  # Its own process group (setsid), so it can be stopped whole: npx, vitest and vitest's workers.
  setsid "$@" >"${background_log[$name]}" 2>&1 &
  background_pid[$name]=$!
}
finish_background() { # NAME: prints its output, returns its exit status
  local name=$1 status=0
  wait "${background_pid[$name]}" || status=$?
  cat "${background_log[$name]}"
  rm -f "${background_log[$name]}"
  unset "background_pid[$name]"
  return "$status"
}
# A background suite must not outlive the script (an early failure, Ctrl-C).
trap 'for pid in "${background_pid[@]}"; do kill -- "-$pid" 2>/dev/null || true; done' EXIT

echo "== typecheck, and unit tests alongside"
# Next's generated route types first, so tsc also checks every page's and route's exports
# against what Next expects (the check `next build` would otherwise repeat, below).
npx next typegen >/dev/null
run_in_background typecheck npx tsc --noEmit
unit_status=0
npx vitest run lib scripts || unit_status=$?
echo "== typecheck (tsc --noEmit)"
finish_background typecheck
[ "$unit_status" -eq 0 ] || exit "$unit_status"

echo "== derived PostgreSQL schema and migrations are up to date"
npm run --silent db:check-variants
echo "== production build"
NEXT_BUILD_TYPES_CHECKED=1 npx next build

# It times list requests against a budget, so it runs with nothing else competing for the CPU.
SCALE_TEST=tests/integration/inbox-scale.test.ts
echo "== integration: the inbox list at 100k conversations (built app, real SQLite; alone, it is timed)"
npx vitest run "$SCALE_TEST"

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration tests (built app, real SQLite), with the PostgreSQL pass alongside"
  echo "   (suites that need PostgreSQL itself run once, in the PostgreSQL pass)"
  run_in_background postgres env TEST_DATABASE=postgres npx vitest run tests
  # Suites that need PostgreSQL whatever TEST_DATABASE says (several instances on one database)
  # would run identically in both passes: without TEST_POSTGRES_URL this pass leaves them to the other.
  sqlite_status=0
  env -u TEST_POSTGRES_URL npx vitest run tests --exclude "$SCALE_TEST" || sqlite_status=$?
  echo "== integration tests (built app, PostgreSQL)"
  finish_background postgres
  [ "$sqlite_status" -eq 0 ] || exit "$sqlite_status"
else
  echo "== integration tests (built app, real SQLite)"
  npx vitest run tests --exclude "$SCALE_TEST"
fi

# Alone: beside the PostgreSQL pass the browser's timing-sensitive specs flaked on 2 cores.
echo "== browser tests (Chromium)"
npx playwright test
