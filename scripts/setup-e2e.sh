#!/usr/bin/env bash
# Installs what the end-to-end suites and the demo need, outside the repository:
#   - Debian packages: Chromium (driven by playwright-core), ripgrep (code-server's search needs a
#     binary its postinstall would download), and the headers code-server's native modules build
#     against (kerberos, native-keymap, keytar).
#   - code-server (a real VS Code with a Node extension host), prepared offline in a cache dir.
# Idempotent and silent when everything is there: a marker file records a complete code-server install.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=test/e2e/env.sh
. test/e2e/env.sh

log() { echo "setup-e2e: $*" >&2; }
fail() {
  echo "setup-e2e: FAILED: $*" >&2
  exit 1
}

# One setup at a time (npm test and the bench may both call it on a fresh machine).
mkdir -p "$(dirname "$CS_ROOT")"
exec 9>"$(dirname "$CS_ROOT")/.setup-e2e.lock"
flock 9

# --- Debian packages -------------------------------------------------------------------------
debs=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${debs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null || fail "apt-get update"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]}"
fi
[ -x "$CHROMIUM" ] || fail "$CHROMIUM is missing after installing chromium"
command -v rg >/dev/null || fail "rg is missing after installing ripgrep"

# --- code-server -----------------------------------------------------------------------------
if [ -f "$CS_MARKER" ] && [ -x "$CS_BIN" ]; then
  exit 0
fi

start=$(date +%s)
log "preparing code-server $CS_VERSION in $CS_ROOT (once; about 1-2 minutes)"
# Only ever delete a folder this script made (DAEMONSET_CODE_SERVER_DIR may point anywhere).
if [ -n "$(ls -A "$CS_ROOT" 2>/dev/null)" ]; then
  grep -qs daemonset-studio-code-server "$CS_ROOT/package.json" \
    || fail "$CS_ROOT is not empty and was not made by this script; choose another DAEMONSET_CODE_SERVER_DIR"
  rm -rf "$CS_ROOT"
fi
mkdir -p "$CS_ROOT"
CS_LOG="$CS_ROOT/setup.log"
: >"$CS_LOG"
step() {
  local what="$1"
  shift
  log "  $what"
  echo "### $what: $*" >>"$CS_LOG"
  "$@" >>"$CS_LOG" 2>&1 || fail "$what: its output is in $CS_LOG (the next run starts the install over)"
}
# The npm settings of this repo (.npmrc) must not leak in; code-server's own lock files decide.
export npm_config_yes=true npm_config_nodedir=/usr npm_config_fund=false npm_config_audit=false \
  npm_config_update_notifier=false npm_config_loglevel=warn
# The package's postinstall would download things; every step it does is done below by hand.
cd "$CS_ROOT"
echo '{"name":"daemonset-studio-code-server","private":true}' >package.json
step "npm install code-server@$CS_VERSION" npm install --no-save "code-server@$CS_VERSION" --ignore-scripts
vs="$CS_ROOT/node_modules/code-server/lib/vscode"
[ -d "$vs" ] || fail "code-server has no lib/vscode"
cd "$vs"
step "install VS Code's production dependencies" npm install --omit=dev --ignore-scripts
# @vscode/ripgrep's postinstall downloads a binary; Debian's is the same tool.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
step "build VS Code's native modules" npm rebuild
# VS Code loads its dependencies from node_modules.asar in a release build.
ln -sfn node_modules node_modules.asar
cd "$vs/extensions"
step "install the built-in extensions' dependencies" npm install --omit=dev --ignore-scripts
# argon2 (password hashing; loaded even with --auth none) is hoisted to the top node_modules.
cd "$CS_ROOT"
step "build argon2" npm rebuild argon2
# --config: without it code-server writes ~/.config/code-server/config.yaml.
echo 'auth: none' >"$CS_ROOT/version-check.yaml"
step "code-server --version" "$CS_BIN" --config "$CS_ROOT/version-check.yaml" --version
rm -f "$CS_ROOT/version-check.yaml"
date -u +%FT%TZ >"$CS_MARKER"
log "code-server ready in $(($(date +%s) - start)) s"
