#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages (from the lock file) and,
# for the end-to-end suite, Debian packages. Idempotent and quiet when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -L node_modules ]; then
  # A link to a shared install (a git worktree of another checkout): never reinstall through it,
  # `npm ci` would empty the shared directory for every checkout that uses it.
  echo "setup: node_modules is a link to a shared install; not running npm ci here"
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
