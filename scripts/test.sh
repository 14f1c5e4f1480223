#!/usr/bin/env bash
# The whole test suite on a fresh machine: bootstrap, PostgreSQL, typecheck, lint, Vitest (unit + integration on
# SQLite and PostgreSQL + Temporal dev server), Playwright (the real platform in Chromium).
# Ends with `N passed, N failed`: the sum over all runners, where typecheck, lint, the PostgreSQL start and the
# Kubernetes control-plane build count as one check each.
# VIGIL_TEST_SKIP_E2E=1 skips the browser suite (quicker local loop); CI never sets it.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh || { echo "bootstrap failed"; echo "0 passed, 1 failed"; exit 1; }
set +e

mkdir -p test-results
passed=0
failed=0
count_check() { if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "[test] $1: ok"; else failed=$((failed + 1)); echo "[test] $1: FAILED"; fi; }

VIGIL_TEST_POSTGRES_URL="$(bash scripts/postgres-for-tests.sh | tail -n 1)"
pg_status=$?
# A stray line from the cluster tools once became part of the URL (pg then resolved the host "base"): refuse it here.
case "$VIGIL_TEST_POSTGRES_URL" in postgres://*) ;; *) echo "[test] unexpected PostgreSQL URL from postgres-for-tests.sh"; pg_status=1 ;; esac
export VIGIL_TEST_POSTGRES_URL
count_check "postgresql for tests" "$pg_status"

# The Kubernetes runtime's tests need a real control plane, built from Go modules once per machine (about 8 min
# cold on 2 cores, cached in ~/.cache/vigil; seconds when cached). VIGIL_TEST_SKIP_K8S=1 skips the build and those tests.
if [ "${VIGIL_TEST_SKIP_K8S:-0}" != "1" ]; then
  echo "[test] kubernetes test control plane (scripts/k8s-tools.sh)"
  k8s_started=$(date +%s)
  # One retry: a dropped download from the module proxy should not fail the suite (the retry resumes from the cache).
  bash scripts/k8s-tools.sh >/dev/null || { echo "[test] control-plane build failed; trying once more"; bash scripts/k8s-tools.sh >/dev/null; }
  k8s_status=$?
  echo "[test] kubernetes test control plane ready after $(( $(date +%s) - k8s_started )) s"
  count_check "kubernetes test control plane" "$k8s_status"
fi

echo "[test] typecheck"
npx --no-install tsc --noEmit -p tsconfig.json
count_check typecheck $?

echo "[test] lint"
npx --no-install eslint --max-warnings=0 .
count_check lint $?

echo "[test] vitest"
rm -f test-results/vitest.json
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest_status=$?
if [ -f test-results/vitest.json ]; then
  read -r vp vf < <(node -e 'const r=require("./test-results/vitest.json"); console.log(r.numPassedTests, r.numFailedTests + (r.success || r.numFailedTests ? 0 : 1))')
  passed=$((passed + vp)); failed=$((failed + vf))
else
  failed=$((failed + 1)); echo "[test] vitest produced no report (exit $vitest_status)"
fi

if [ "${VIGIL_TEST_SKIP_E2E:-0}" != "1" ]; then
  echo "[test] playwright"
  rm -f test-results/e2e-results.json
  npx --no-install playwright test
  e2e_status=$?
  if [ -f test-results/e2e-results.json ]; then
    read -r ep ef < <(node -e 'const s=require("./test-results/e2e-results.json").stats; console.log(s.expected + s.flaky, s.unexpected + ((s.expected + s.unexpected) === 0 ? 1 : 0))')
    passed=$((passed + ep)); failed=$((failed + ef))
  else
    failed=$((failed + 1)); echo "[test] playwright produced no report (exit $e2e_status)"
  fi
else
  echo "[test] playwright skipped (VIGIL_TEST_SKIP_E2E=1)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
