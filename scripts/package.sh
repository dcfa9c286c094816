#!/usr/bin/env bash
# `npm run package`: a production build (minified bundles, no source maps) packed into
# daemonset-studio-<version>.vsix at the repository root; prints its path and size.
# The .vsix ships no node_modules: esbuild bundles every dependency, and .vscodeignore is a whitelist.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || bash scripts/setup.sh
node scripts/build.mjs --production
version=$(node -p 'require("./package.json").version')
name=$(node -p 'require("./package.json").name')
out="${VSIX_OUT:-$name-$version.vsix}"
# --no-dependencies: nothing to resolve (bundled); the license/repository flags keep vsce from
# prompting, which would hang without a terminal.
flags=(--no-dependencies --allow-missing-repository --out "$out")
ls LICENSE LICENSE.* >/dev/null 2>&1 || flags+=(--skip-license)
npx --no-install vsce package "${flags[@]}" </dev/null
size=$(stat -c %s "$out")
echo "package: $out $((size / 1024)) KiB ($size bytes)"
