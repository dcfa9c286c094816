#!/usr/bin/env bash
# `npm start`: the one-command demo. Installs what is missing (npm packages, Debian packages,
# code-server in ~/.cache/daemonset-studio), packages the extension, installs the .vsix into a
# demo code-server profile and serves VS Code with examples/workspace on 127.0.0.1:$PORT
# (default 8080) until Ctrl-C.
#   --check (or CI=true): start, verify in headless Chromium that the workbench loads with the
#   extension active, diagnostics shown, and log-collector.yaml's preview with its Rollout and
#   Live sections (screenshot: test-results/demo.png), stop, exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
port="${PORT:-8080}"
# Before the slow steps: is the port free?
if ! node -e 'const s=require("net").createServer().once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$port"; then
  echo "demo: port $port on 127.0.0.1 is already taken. Stop what listens there, or choose another: PORT=$((port + 1)) npm start" >&2
  exit 1
fi
bash scripts/setup-e2e.sh
bash scripts/package.sh | tail -n 1
# The demo driver is TypeScript shared with the e2e harness; esbuild bundles it in milliseconds.
npx --no-install esbuild test/e2e/demo.ts --bundle --platform=node --format=cjs --target=node20 \
  --external:playwright-core --outfile=out/demo/demo.js --log-level=warning
exec node out/demo/demo.js "$@"
