#!/usr/bin/env bash
# Runs Khabar end to end on a fresh machine with no configuration: installs what is missing,
# starts local Redis and Elasticsearch (unless REDIS_URL / ELASTICSEARCH_URL are set), runs every
# stage as its own process, ingests the built-in fixture news site and prints what was indexed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/bootstrap.sh
exec node scripts/demo.ts "$@"
