import { LEVELS, SEQ_SPACE } from './keys.ts';

/**
 * Lua shared by the assign and stats scripts: time generations, levels, records, cluster stats.
 *
 * ARGV[1] key base ("<prefix>:dedup:"), ARGV[2] now (unix seconds), ARGV[3] generation length
 * (seconds), ARGV[4] retention (seconds), ARGV[5] signature bytes, ARGV[6] records per `s:` block.
 * KEYS[1] is the record counter; every other key is built here from the base (all share the
 * caller's hash tag, so they live in KEYS[1]'s Redis Cluster slot).
 *
 * Time is cut into generations of `period` seconds. Content-hash, LSH-bucket, doc and per-generation
 * count keys carry their generation ("g<gen>:") and expire as a whole `retention` seconds after
 * their generation ends; lookups read only the generations that overlap the last `retention`
 * seconds, so a fingerprint matches for at least `retention` and less than `retention + period`.
 * Records (`s:` blocks) and cluster stats (`c:`) are addressed by a global seq that wraps at
 * SEQ_SPACE; their keys' TTL is renewed on every write to outlive the generation keys pointing at
 * them by one more period. A cluster whose original's record is gone takes no new members.
 */
const PRELUDE = `
local base = ARGV[1]
local now = tonumber(ARGV[2])
local period = tonumber(ARGV[3])
local retention = tonumber(ARGV[4])
local sigLen = tonumber(ARGV[5])
local block = tonumber(ARGV[6])
local LEVELS = { ${LEVELS.map((l) => `{ ${l.upTo}, ${l.keyBits} }`).join(', ')} }
local SEQ_SPACE = ${SEQ_SPACE}
local rec = 22 + sigLen
local zero16 = string.rep('\\0', 16)
local gen = math.floor(now / period)
local oldest = math.floor((now - retention) / period)

-- seconds until generation g has been out of the retention window
local function genTtl(g) return math.max(1, (g + 1) * period + retention - now) end
local recordTtl = genTtl(gen) + period

local function levelOf(n)
  for l = 1, #LEVELS do
    if n < LEVELS[l][1] then return l end
  end
  return #LEVELS
end

-- A generation's counter holds first * 2^26 + n: its first level and the number n its last record
-- would have if the levels were filled from the start (so levelOf(n) is that record's level).
local FIRST = 67108864
local function offsetOf(l)
  if l <= 1 then return 0 end
  return LEVELS[l - 1][1]
end

local genLevels = {}
-- first and last level generation g has written (1, 0 when it holds nothing)
local function levelsOf(g)
  local v = genLevels[g]
  if v == nil then
    local c = tonumber(redis.call('GET', base .. 'g' .. g .. ':n') or '0')
    if c == 0 then v = { 1, 0 } else v = { math.floor(c / FIRST), levelOf(c % FIRST) } end
    genLevels[g] = v
  end
  return v[1], v[2]
end

local function chKey(g, l, head)
  return base .. 'g' .. g .. ':h' .. (l - 1) .. ':' .. math.floor(head / 2 ^ (16 - LEVELS[l][2]))
end

local function bucketKey(g, l, b, v)
  local bits = LEVELS[l][2]
  return base .. 'g' .. g .. ':l' .. (l - 1) .. ':' .. (b - 1) .. ':' .. math.floor(v / 2 ^ (32 - bits)),
    tostring(math.floor(v / 2 ^ (17 - bits)) % 32768)
end

local function hex(bytes)
  return (string.gsub(bytes, '.', function(c) return string.format('%02x', string.byte(c)) end))
end

local function slot(seq)
  return base .. 's:' .. math.floor(seq / block), (seq % block) * rec
end

local function readRecord(seq)
  local key, off = slot(seq)
  return redis.call('GETRANGE', key, off, off + rec - 1)
end

-- the record's document id, nil when the record is gone (expired block or empty slot)
local function idOf(seq)
  local r = readRecord(seq)
  if #r < rec then return nil end
  local bytes = string.sub(r, 1, 16)
  if bytes == zero16 then
    local x = redis.call('HGET', base .. 'x:' .. math.floor(seq / block), seq)
    if x then return x end
    return nil
  end
  return hex(bytes)
end

-- cluster seq (the original's record) and agreeing min-hashes of a record; nil when it is gone
local function clusterOf(seq)
  local r = readRecord(seq)
  if #r < rec then return nil, 0 end
  local o = 16 + sigLen + 2
  local c = string.byte(r, o + 1) * 65536 + string.byte(r, o + 2) * 256 + string.byte(r, o + 3)
  local m = string.byte(r, o + 4)
  if c == 0 then return seq, m end
  return c, m
end

-- Cluster statistics, only once a copy joins (most clusters stay single): field seq % 256 of
-- c:<seq/256>, value 3 bytes size + 2 bytes per distinct source (at most 30, so the value stays
-- under hash-max-listpack-value 64 and the hash stays a listpack).
local function statsKey(cseq)
  return base .. 'c:' .. math.floor(cseq / 256), cseq % 256
end

local function sourceNumberOf(cseq)
  local r = readRecord(cseq)
  if #r < rec then return 0 end
  local o = 16 + sigLen
  return string.byte(r, o + 1) * 256 + string.byte(r, o + 2)
end

-- size and packed source numbers of a cluster
local function readStats(cseq)
  local key, field = statsKey(cseq)
  local v = redis.call('HGET', key, field)
  if v then
    return string.byte(v, 1) * 65536 + string.byte(v, 2) * 256 + string.byte(v, 3), string.sub(v, 4)
  end
  local first = sourceNumberOf(cseq)
  if first > 0 then return 1, string.char(math.floor(first / 256), first % 256) end
  return 1, ''
end

-- { size, source names... }
local function statsReply(cseq, out)
  local size, srcs = readStats(cseq)
  table.insert(out, tostring(size))
  for i = 1, #srcs - 1, 2 do
    local name = redis.call('HGET', base .. 'srcn', string.byte(srcs, i) * 256 + string.byte(srcs, i + 1))
    if name then table.insert(out, name) end
  end
  return out
end

-- first live record with this content hash whose cluster is alive: seq, cluster seq, matches
local function exactOwner(head, field)
  for g = oldest, gen do
    local first, last = levelsOf(g)
    for l = first, last do
      local owner = redis.call('HGET', chKey(g, l, head), field)
      if owner then
        local seq = tonumber(owner)
        local cseq, m = clusterOf(seq)
        if cseq and idOf(cseq) then return seq, cseq, m end
      end
    end
  end
  return nil
end
`;

/**
 * Atomic check-and-insert for one document. Runs as a single Lua script so two workers handling
 * copies of the same story at the same moment cannot both become originals.
 *
 * After the prelude's ARGV[1..6]: ARGV[7] doc id, ARGV[8] 16 id bytes ('' when the id is not 32
 * hex), ARGV[9] doc shard (0-255), ARGV[10] doc field, ARGV[11] canonical id ('' for none),
 * ARGV[12] its id bytes, ARGV[13] its shard, ARGV[14] its field, ARGV[15] compact signature (''
 * for texts without words), ARGV[16] minimum agreeing min-hashes, ARGV[17] source ('' when
 * unknown), ARGV[18] first 16 content-hash bits, ARGV[19] next 6 content-hash bytes, ARGV[20]
 * number of bands, then one 32-bit bucket value per band.
 *
 * Every document with a new text gets a record (a number `seq` and a fixed-size slot in a
 * preallocated string): 16 id bytes, the signature (4 bits per min-hash), 2 source bytes,
 * 3 bytes cluster seq (0 for originals) and 1 byte agreeing min-hashes. Content-hash and bucket
 * entries hold seqs. Exact copies get no record, only a doc entry "d<cluster seq>".
 *
 * Returns { clusterId, role (o|d|n), matches, size, source... }.
 */
export const ASSIGN_LUA = `${PRELUDE}
local sig = ARGV[15]
local minMatches = tonumber(ARGV[16])
local source = ARGV[17]
local chHead = tonumber(ARGV[18])
local chField = ARGV[19]
local nbands = tonumber(ARGV[20])
local hasSig = sigLen > 0 and #sig == sigLen
local full = sigLen * 2

local function sourceNumber()
  if source == '' then return 0 end
  local n = redis.call('HGET', base .. 'src', source)
  if n then return tonumber(n) end
  n = redis.call('HINCRBY', base .. 'srcn', '#', 1)
  if n > 65535 then return 0 end
  redis.call('HSET', base .. 'src', source, n)
  redis.call('HSET', base .. 'srcn', n, source)
  return n
end

local function addMember(cseq)
  local key, field = statsKey(cseq)
  local size, srcs = readStats(cseq)
  size = math.min(size + 1, 16777215)
  local n = sourceNumber()
  if n > 0 and #srcs < 60 then
    local two = string.char(math.floor(n / 256), n % 256)
    local found = false
    for i = 1, #srcs, 2 do
      if string.sub(srcs, i, i + 1) == two then found = true end
    end
    if not found then srcs = srcs .. two end
  end
  redis.call('HSET', key, field, string.char(math.floor(size / 65536) % 256, math.floor(size / 256) % 256, size % 256) .. srcs)
  redis.call('EXPIRE', key, recordTtl)
end

local function docKey(g, shard) return base .. 'g' .. g .. ':d:' .. shard end

-- cluster seq of a document assigned earlier as an exact copy or alias, when its cluster is alive
local function knownCopy(shard, field)
  for g = oldest, gen do
    local v = redis.call('HGET', docKey(g, shard), field)
    if v then
      local cseq = tonumber(string.sub(v, 2))
      if idOf(cseq) then return cseq end
    end
  end
  return nil
end

local function markCopy(shard, field, cseq)
  local key = docKey(gen, shard)
  redis.call('HSET', key, field, 'd' .. cseq)
  redis.call('EXPIRE', key, genTtl(gen))
end

-- takenAt[b]: level at which this generation already has an owner for band b's bucket
local function newRecord(id, idBytes, cseq, matches, takenAt)
  local seq = (redis.call('INCR', KEYS[1]) - 1) % SEQ_SPACE + 1
  local key, off = slot(seq)
  if redis.call('EXISTS', key) == 0 then
    redis.call('SET', key, string.rep('\\0', block * rec))
  end
  redis.call('EXPIRE', key, recordTtl)
  local n = sourceNumber()
  local body = sig
  if not hasSig then body = string.rep('\\0', sigLen) end
  local idPart = idBytes
  if #idPart ~= 16 then
    idPart = zero16
    local xkey = base .. 'x:' .. math.floor(seq / block)
    redis.call('HSET', xkey, seq, id)
    redis.call('EXPIRE', xkey, recordTtl)
  end
  local c = 0
  if cseq then c = cseq else
    -- a new cluster: drop stats a wrapped-around seq may have left
    local sk, sf = statsKey(seq)
    redis.call('HDEL', sk, sf)
  end
  redis.call('SETRANGE', key, off, idPart .. body .. string.char(
    math.floor(n / 256), n % 256,
    math.floor(c / 65536) % 256, math.floor(c / 256) % 256, c % 256, matches))
  local ttl = genTtl(gen)
  local nkey = base .. 'g' .. gen .. ':n'
  local c = redis.call('INCR', nkey)
  if c == 1 then
    -- A new generation starts at the level that fits the previous one's count, so that with
    -- steady traffic it fills one level (lookups then read one level per generation).
    local first = 1
    local prev = tonumber(redis.call('GET', base .. 'g' .. (gen - 1) .. ':n') or '0')
    if prev > 0 then
      local pfirst = math.floor(prev / FIRST)
      first = levelOf(prev % FIRST - offsetOf(pfirst))
    end
    c = first * FIRST + offsetOf(first) + 1
    redis.call('SET', nkey, c, 'EX', ttl)
  end
  genLevels[gen] = nil
  local l = levelOf(c % FIRST)
  local hk = chKey(gen, l, chHead)
  redis.call('HSET', hk, chField, seq)
  redis.call('EXPIRE', hk, ttl)
  if hasSig then
    for b = 1, nbands do
      -- first owner wins within a generation, across its levels
      local t = takenAt[b]
      if t == nil or t >= l then
        local bk, bf = bucketKey(gen, l, b, tonumber(ARGV[20 + b]))
        if redis.call('HSETNX', bk, bf, seq) == 1 then redis.call('EXPIRE', bk, ttl) end
      end
    end
  end
  return seq
end

-- returns role, matches, cluster seq
local function assign(shard, field, idBytes, id)
  local known = knownCopy(shard, field)
  if known then return 'd', full, known end

  -- 1. Same normalised text as an earlier record: that record's own document (a replay) or an exact copy.
  local seq, cseq, m = exactOwner(chHead, chField)
  if seq then
    if idOf(seq) == id then
      if cseq == seq then return 'o', full, seq end
      return 'n', m, cseq
    end
    markCopy(shard, field, cseq)
    addMember(cseq)
    return 'd', full, cseq
  end

  -- 2. Near copy: bucket owners are earlier records (the first per generation); keep the live
  -- one whose signature agrees most.
  local bestSeq, bestCluster = nil, nil
  local best = -1
  local takenAt = {}
  if hasSig then
    local seen = {}
    for b = 1, nbands do
      local v = tonumber(ARGV[20 + b])
      for g = oldest, gen do
        local first, last = levelsOf(g)
        for l = first, last do
          local bk, bf = bucketKey(g, l, b, v)
          local cand = redis.call('HGET', bk, bf)
          if cand then
            if g == gen then takenAt[b] = l end
            if not seen[cand] then
              seen[cand] = true
              local candSeq = tonumber(cand)
              local key, off = slot(candSeq)
              local other = redis.call('GETRANGE', key, off + 16, off + 15 + sigLen)
              if #other == sigLen then
                local agree = 0
                for i = 1, sigLen do
                  local x = string.byte(sig, i)
                  local y = string.byte(other, i)
                  if x == y then
                    agree = agree + 2
                  else
                    if x % 16 == y % 16 then agree = agree + 1 end
                    if math.floor(x / 16) == math.floor(y / 16) then agree = agree + 1 end
                  end
                end
                if agree > best then
                  local c = clusterOf(candSeq)
                  if c and idOf(c) then best = agree; bestSeq = candSeq; bestCluster = c end
                end
              end
            end
            break
          end
        end
      end
    end
  end
  if bestSeq and best >= minMatches then
    local _c, bm = clusterOf(bestSeq)
    if idOf(bestSeq) == id then
      -- a replay whose text changed slightly: keep the first answer
      if bestCluster == bestSeq then return 'o', full, bestSeq end
      return 'n', bm, bestCluster
    end
    newRecord(id, idBytes, bestCluster, best, takenAt)
    addMember(bestCluster)
    return 'n', best, bestCluster
  end

  -- 3. Original: a record of its own, whose seq numbers the cluster.
  local s = newRecord(id, idBytes, nil, 0, takenAt)
  return 'o', full, s
end

local role, matches, cseq
if ARGV[11] ~= '' then
  -- Another URL of a page whose canonical URL is known: that page's document takes the text
  -- (assigned as usual, or as it was), this one is its exact duplicate.
  local known = knownCopy(ARGV[9], ARGV[10])
  if known then
    role, matches, cseq = 'd', full, known
  else
    local _r, _m, c = assign(ARGV[13], ARGV[14], ARGV[12], ARGV[11])
    role, matches, cseq = 'd', full, c
    markCopy(ARGV[9], ARGV[10], cseq)
    addMember(cseq)
  end
else
  role, matches, cseq = assign(ARGV[9], ARGV[10], ARGV[8], ARGV[7])
end

return statsReply(cseq, { idOf(cseq) or ARGV[7], role, tostring(matches) })
`;

/**
 * Read-only: the current size and sources of cluster ARGV[7], found through a member's content
 * hash (ARGV[8] first 16 bits, ARGV[9] next 6 bytes; every member's text has one that leads to a
 * record of its cluster). Returns { size, source... }, or {} when the text is not (or no longer)
 * indexed or leads to another cluster.
 */
export const STATS_LUA = `${PRELUDE}
local clusterId = ARGV[7]
local head = tonumber(ARGV[8])
local field = ARGV[9]
for g = oldest, gen do
  local first, last = levelsOf(g)
  for l = first, last do
    local owner = redis.call('HGET', chKey(g, l, head), field)
    if owner then
      local cseq = clusterOf(tonumber(owner))
      if cseq and idOf(cseq) == clusterId then return statsReply(cseq, {}) end
    end
  end
end
return {}
`;
