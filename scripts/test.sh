#!/usr/bin/env bash
# The one test command (`npm test`): installs what is missing, builds, and runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent typecheck
npm run --silent build
rm -rf out && npx tsc -p tsconfig.json
node --test out/test/unit out/test/protocol
