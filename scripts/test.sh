#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing (npm packages; Debian packages for
# the browser and end-to-end suites), type-checks, builds, and runs every suite. It ends with one
# line that adds up the test runners' counts.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bash scripts/setup.sh
bash scripts/setup-e2e.sh
echo "test: type-check, lint (ESLint) and formatting (Prettier)"
npm run --silent typecheck
npm run --silent lint
npm run --silent build
rm -rf out && npx tsc -p tsconfig.json
status=0
echo "test: unit, protocol and browser suites"
node --test out/test/unit out/test/protocol out/test/browser 2>&1 | tee -a "$log" || status=1
echo "test: end-to-end in code-server"
bash scripts/e2e.sh 2>&1 | tee -a "$log" || status=1
# node:test ends each run with "# pass N", "# fail N", "# cancelled N" (timed out: a failure)
# and "# skipped N"; the extension-host runner ends with "extension-host: N passed, M failed".
passed=$(awk '/^# pass [0-9]+$/ {n += $3} /^extension-host: [0-9]+ passed, [0-9]+ failed$/ {n += $2} END {print n + 0}' "$log")
failed=$(awk '/^# (fail|cancelled) [0-9]+$/ {n += $3} /^extension-host: [0-9]+ passed, [0-9]+ failed$/ {n += $4} END {print n + 0}' "$log")
skipped=$(awk '/^# skipped [0-9]+$/ {n += $3} END {print n + 0}' "$log")
echo "test: finished in $(($(date +%s) - start)) s"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ] || status=1
exit $status
