#!/usr/bin/env bash
# The whole test suite on a fresh machine: bootstrap (Node 24, pnpm, dependencies), static
# checks, then every vitest project against real Redis and Elasticsearch (started as local
# processes when REDIS_URL / ELASTICSEARCH_URL are not set). Ends with "tests: N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/bootstrap.sh
# docker-compose (Debian's package) validates docker-compose.yml in the tests; install it when we can.
if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null 2>&1 || echo "khabar: docker-compose not installed; compose validation uses the YAML parser only" >&2
fi
mkdir -p test-results
echo "== typecheck"; pnpm -s typecheck
echo "== lint"; pnpm -s lint
echo "== tests"
set +e
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
set -e
node scripts/test-summary.ts test-results/vitest.json
exit $status
