#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing (npm packages; Debian packages for
# the browser and end-to-end suites), type-checks, builds, and runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh
bash scripts/setup-e2e.sh
echo "test: type-check and build"
npm run --silent typecheck
npm run --silent build
rm -rf out && npx tsc -p tsconfig.json
echo "test: unit, protocol and browser suites"
node --test out/test/unit out/test/protocol out/test/browser
echo "test: end-to-end in code-server"
bash scripts/e2e.sh
echo "test: all suites passed in $(($(date +%s) - start)) s"
