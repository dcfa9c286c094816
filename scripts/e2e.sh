#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server 4.100 = VS Code 1.100, Node extension host),
# driven by playwright-core and Debian's Chromium. Called by `npm test` after the unit tests.
#   1. the extension-host suite (test/e2e/suite) with the repository loaded unpacked;
#   2. `npm start -- --check`: the demo starts and its workbench loads with the extension active;
#   3. the UI tests (test/e2e/ui) against the packaged .vsix installed into code-server.
# Each run has an overall time limit; a failure leaves screenshots and logs in test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup-e2e.sh
# The packaged build first (production bundles), then the development build for the unpacked run.
bash scripts/package.sh | tail -n 1
npm run --silent build
npx tsc -p tsconfig.json
npx tsc -p test/e2e/tsconfig.json

status=0
echo "e2e: extension-host suite in code-server"
timeout --kill-after=30 600 node out/test/e2e/runCodeServer.js --timeout 480 || status=1
echo "e2e: the npm start demo (--check, on a free port)"
# PORT=0: the demo takes a free port when code-server starts (not one chosen before the slow
# packaging steps, which another run on the machine could take meanwhile); every code-server of
# the e2e runs is on a free loopback port, retried if taken before it binds (test/e2e/codeServer.ts).
PORT=0 timeout --kill-after=30 300 bash scripts/demo.sh --check || status=1
# Last, so node's test-runner summary closes the output.
echo "e2e: UI tests against the packaged .vsix"
timeout --kill-after=30 900 node --test --test-concurrency=1 out/test/e2e/ui/*.test.js || status=1
echo "e2e: done in $(($(date +%s) - start)) s"
exit $status
