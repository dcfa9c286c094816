#!/usr/bin/env bash
# `npm run package`: a production build (minified bundles, no source maps) packed into
# daemonset-studio-<version>.vsix at the repository root (or $VSIX_OUT); prints its path and size.
# The .vsix ships no node_modules: esbuild bundles every dependency, and .vscodeignore is a
# whitelist. The build runs in a private staging copy, so a concurrent `npm run build` (which
# writes dist/ with source maps) can neither leak into the package nor be clobbered by it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -d node_modules ] || bash scripts/setup.sh
name=$(node -p 'require("./package.json").name')
version=$(node -p 'require("./package.json").version')
out="${VSIX_OUT:-$root/$name-$version.vsix}"
case "$out" in /*) ;; *) out="$root/$out" ;; esac

stage=$(mktemp -d "${TMPDIR:-/tmp}/daemonset-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT
tar -C "$root" -cf - --exclude=./node_modules --exclude=./.git --exclude=./dist --exclude=./out \
  --exclude=./test-results --exclude=./.cache --exclude='./*.vsix' . | tar -C "$stage" -xf -
ln -s "$root/node_modules" "$stage/node_modules"
cd "$stage"
node scripts/build.mjs --production
# --no-dependencies: nothing to resolve (bundled); the license/repository flags keep vsce from
# prompting, which would hang without a terminal.
flags=(--no-dependencies --allow-missing-repository --out "$out")
ls LICENSE LICENSE.* >/dev/null 2>&1 || flags+=(--skip-license)
npx --no-install vsce package "${flags[@]}" </dev/null
size=$(stat -c %s "$out")
echo "package: ${out#"$root"/} $((size / 1024)) KiB ($size bytes)"
