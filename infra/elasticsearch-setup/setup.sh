#!/bin/sh
# One-shot set-up of Elasticsearch security for Khabar (run by compose's es-setup service):
# roles and users with the least each needs. Idempotent: re-running updates passwords.
#   khabar_indexer  — writes Khabar indices and manages their template/aliases (the indexer)
#   khabar_analyst  — reads Khabar indices (the search API, analysts)
#   khabar_migrator — full control of Khabar indices (khabar index migrate)
#   kibana_system   — Kibana's own user (built in; password set here)
set -eu
ES="${ELASTICSEARCH_HOST:-http://elasticsearch:9200}"
AUTH="elastic:${ELASTIC_PASSWORD:?}"
call() { curl -fsS -u "$AUTH" -H 'content-type: application/json' "$@"; echo; }
until curl -fsS -u "$AUTH" "$ES/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null; do sleep 2; done
call -X POST "$ES/_security/user/kibana_system/_password" -d "{\"password\":\"${KIBANA_SYSTEM_PASSWORD:?}\"}"
call -X PUT "$ES/_security/role/khabar_indexer" -d '{"cluster":["monitor","manage_index_templates"],"indices":[{"names":["khabar-*"],"privileges":["create_index","create_doc","index","write","manage","view_index_metadata","read"]}]}'
call -X PUT "$ES/_security/role/khabar_analyst" -d '{"cluster":["monitor"],"indices":[{"names":["khabar-*"],"privileges":["read","view_index_metadata"]}]}'
call -X PUT "$ES/_security/role/khabar_migrator" -d '{"cluster":["monitor","manage_index_templates"],"indices":[{"names":["khabar-*"],"privileges":["all"]}]}'
call -X PUT "$ES/_security/user/khabar_indexer" -d "{\"password\":\"${KHABAR_ES_INDEXER_PASSWORD:?}\",\"roles\":[\"khabar_indexer\"]}"
call -X PUT "$ES/_security/user/khabar_analyst" -d "{\"password\":\"${KHABAR_ES_ANALYST_PASSWORD:?}\",\"roles\":[\"khabar_analyst\"]}"
call -X PUT "$ES/_security/user/khabar_migrator" -d "{\"password\":\"${KHABAR_ES_MIGRATOR_PASSWORD:?}\",\"roles\":[\"khabar_migrator\"]}"
echo "elasticsearch security set up"
