#!/usr/bin/env bash
# Prepares a fresh machine for Khabar: Node 24 first on PATH, pnpm 9, workspace dependencies.
# Sourced by the README commands and by .ci/run. Idempotent and quiet when nothing is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node.sh" --env
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "9" ]; then
  echo "khabar: installing pnpm@9" >&2
  npm i -g pnpm@9 --no-audit --no-fund --loglevel=error >&2
fi
if [ ! -f "$root/node_modules/.modules.yaml" ] || [ "$root/pnpm-lock.yaml" -nt "$root/node_modules/.modules.yaml" ]; then
  (cd "$root" && pnpm install --frozen-lockfile --reporter=silent >&2)
fi
