#!/usr/bin/env bash
# `npm run bench`: builds, runs every benchmark in bench/ and prints its figures (markdown).
# With --write, also records them in bench/RESULTS.md with the command and the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
rm -rf out && npx tsc -p tsconfig.json
out=$(mktemp)
{
  echo "## $(date -u +%Y-%m-%d) — \`npm run bench\`"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, Node $(node --version)."
  echo
} >"$out"
for b in out/bench/*.bench.js; do
  echo "### $(basename "$b" .bench.js)" >>"$out"
  echo >>"$out"
  node --expose-gc "$b" | tee -a "$out"
  echo >>"$out"
done
for b in bench/*.bench.mjs; do
  [ -e "$b" ] || continue
  echo "### $(basename "$b" .bench.mjs)" >>"$out"
  echo >>"$out"
  node --expose-gc "$b" | tee -a "$out"
  echo >>"$out"
done
if [ "${1:-}" = "--write" ]; then
  { echo "# Benchmark results"; echo; echo "Produced by \`npm run bench -- --write\` (scripts/bench.sh); each section says when and where."; echo; cat "$out"; } > bench/RESULTS.md
  echo "bench: wrote bench/RESULTS.md"
fi
rm -f "$out"
