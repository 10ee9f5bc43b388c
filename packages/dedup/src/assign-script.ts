/**
 * Atomic check-and-insert for one document. Runs as a single Lua script so two workers handling
 * copies of the same story at the same moment cannot both become originals.
 *
 * KEYS[1] doc key, KEYS[2] content-hash key, KEYS[3] original-sequence counter,
 * KEYS[4..] one LSH bucket hash per band.
 * ARGV[1] key prefix ("<prefix>:dedup:"), ARGV[2] doc id, ARGV[3] content hash,
 * ARGV[4] compact signature ('' for texts without words), ARGV[5] minimum agreeing bytes,
 * ARGV[6] publishedAt ('' when unknown), ARGV[7..] bucket field per band (same order as KEYS[4..]).
 *
 * Originals get a small sequence number; buckets hold that number (a listpack integer) instead
 * of the doc id, and `sig:<seq/128>` / `oid:<seq/128>` map it to signature and id.
 * Keys derived inside the script share the prefix's hash tag, so on Redis Cluster they live in
 * the same slot as the declared keys.
 *
 * Returns { clusterId, role (o|d|n), matches, contentHash }.
 */
export const ASSIGN_LUA = `
local docKey = KEYS[1]
local base = ARGV[1]
local id = ARGV[2]

local existing = redis.call('HMGET', docKey, 'c', 'r', 'm', 'h')
if existing[2] then
  return { existing[1] or id, existing[2], existing[3], existing[4] }
end

local hash = ARGV[3]
local sig = ARGV[4]
local minMatches = tonumber(ARGV[5])
local publishedAt = ARGV[6]
local nbands = #KEYS - 3
local n = #sig

local function join(clusterId, role, matches, field)
  redis.call('HSET', docKey, 'c', clusterId, 'r', role, 'm', matches, 'h', hash)
  redis.call('HINCRBY', base .. 'cluster:' .. clusterId, field, 1)
  redis.call('HINCRBY', base .. 'cluster:' .. clusterId, 'members', 1)
  return { clusterId, role, tostring(matches), hash }
end

-- 1. Exact copy: the first document with this content hash owns the key.
local owner = redis.call('GET', KEYS[2])
if owner then
  local clusterId = redis.call('HGET', base .. 'doc:' .. owner, 'c') or owner
  return join(clusterId, 'd', n, 'duplicates')
end
redis.call('SET', KEYS[2], id)

-- 2. Near copy: bucket owners are originals; keep the one whose signature agrees most.
local bestSeq = nil
local best = -1
if n > 0 then
  local seen = {}
  for b = 1, nbands do
    local cand = redis.call('HGET', KEYS[3 + b], ARGV[6 + b])
    if cand and not seen[cand] then
      seen[cand] = true
      local seq = tonumber(cand)
      local other = redis.call('HGET', base .. 'sig:' .. math.floor(seq / 128), seq % 128)
      if other and #other == n then
        local m = 0
        for i = 1, n do
          if string.byte(sig, i) == string.byte(other, i) then m = m + 1 end
        end
        if m > best then best = m; bestSeq = seq end
      end
    end
  end
end
if bestSeq and best >= minMatches then
  local clusterId = redis.call('HGET', base .. 'oid:' .. math.floor(bestSeq / 128), bestSeq % 128)
  if clusterId then
    return join(clusterId, 'n', best, 'nearDuplicates')
  end
end

-- 3. Original: it owns its buckets (first owner wins) and starts a cluster.
redis.call('HSET', docKey, 'r', 'o', 'm', n, 'h', hash)
if n > 0 then
  local seq = redis.call('INCR', KEYS[3])
  local block = math.floor(seq / 128)
  redis.call('HSET', base .. 'sig:' .. block, seq % 128, sig)
  redis.call('HSET', base .. 'oid:' .. block, seq % 128, id)
  for b = 1, nbands do
    redis.call('HSETNX', KEYS[3 + b], ARGV[6 + b], seq)
  end
end
local clusterKey = base .. 'cluster:' .. id
redis.call('HINCRBY', clusterKey, 'members', 1)
if publishedAt ~= '' then
  redis.call('HSET', clusterKey, 'publishedAt', publishedAt)
end
return { id, 'o', tostring(n), hash }
`;
