# Sourced by scripts/setup-e2e.sh, e2e.sh, demo.sh: where the end-to-end tools live.
# code-server is cached outside the repository, once per machine (delete CS_ROOT to redo it).
CS_VERSION=4.100.3
CS_ROOT="${DAEMONSET_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/daemonset-studio/code-server-$CS_VERSION}"
CS_BIN="$CS_ROOT/node_modules/.bin/code-server"
CS_MARKER="$CS_ROOT/.complete"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CS_VERSION CS_ROOT CS_BIN CS_MARKER CHROMIUM
