#!/bin/sh
# Starts Redis for Khabar with an ACL file written from the environment at start-up: the default
# user is disabled; the `khabar` user may use only keys under the {khabar} hash tag and no
# dangerous commands. Passwords never land in the image or in the compose file.
set -eu
: "${KHABAR_REDIS_PASSWORD:?set KHABAR_REDIS_PASSWORD}"
umask 077
cat > /tmp/users.acl <<ACL
user default off
user khabar on >${KHABAR_REDIS_PASSWORD} ~{khabar}* &* +@all -@dangerous +info +client|setname +client|getname +client|id
ACL
# hash-max-listpack-value 1024: job hashes and URL status records (values up to a URL's length)
# stay listpacks, ~40 % smaller than hash tables (packages/contracts/README.md).
exec redis-server --aclfile /tmp/users.acl --appendonly yes --appendfsync everysec \
  --maxmemory-policy noeviction --dir /data --protected-mode yes \
  --hash-max-listpack-entries 512 --hash-max-listpack-value 1024
