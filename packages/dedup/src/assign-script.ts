/**
 * Atomic check-and-insert for one document. Runs as a single Lua script so two workers handling
 * copies of the same story at the same moment cannot both become originals.
 *
 * KEYS[1] doc hash, KEYS[2] doc hash of the canonical page (= KEYS[1] without one),
 * KEYS[3] record counter, then per level (keys.ts LEVELS): the content-hash hash and one LSH
 * bucket hash per band.
 * ARGV[1] key prefix ("<prefix>:dedup:"), ARGV[2] doc field, ARGV[3] 16 id bytes ('' when the id
 * is not 32 hex), ARGV[4] doc id, ARGV[5] canonical doc field ('' for none), ARGV[6] canonical
 * id bytes, ARGV[7] canonical id, ARGV[8] number of bands, ARGV[9] compact signature ('' for
 * texts without words), ARGV[10] minimum agreeing min-hashes, ARGV[11] source ('' when unknown),
 * ARGV[12] signature bytes, ARGV[13] records per `s:` block, ARGV[14] number of levels, then
 * per level: its first seq beyond it, the content-hash field and one bucket field per band.
 *
 * Every document with a new text gets a record (a number `seq` and a fixed-size slot in a
 * preallocated string): 16 id bytes, the signature (4 bits per min-hash), 2 source bytes,
 * 3 bytes cluster seq (0 for originals) and 1 byte agreeing min-hashes. Content-hash and bucket
 * entries hold seqs. Exact copies get no record, only a doc entry "d<cluster seq>".
 *
 * Returns { clusterId, role (o|d|n), matches, size, source... }.
 */
export const ASSIGN_LUA = `
local base = ARGV[1]
local sig = ARGV[9]
local minMatches = tonumber(ARGV[10])
local source = ARGV[11]
local sigLen = tonumber(ARGV[12])
local block = tonumber(ARGV[13])
local nbands = tonumber(ARGV[8])
local nlevels = tonumber(ARGV[14])
-- level l (1-based): KEYS[3 + (l-1)*(1+nbands) + 1] content hash, + 1 + b bucket of band b;
-- ARGV[14 + (l-1)*(2+nbands) + 1] last seq, + 2 content-hash field, + 2 + b bucket field.
local function kpos(l) return 3 + (l - 1) * (1 + nbands) + 1 end
local function apos(l) return 14 + (l - 1) * (2 + nbands) + 1 end
local function levelOf(seq)
  for l = 1, nlevels do
    if seq < tonumber(ARGV[apos(l)]) then return l end
  end
  return nlevels
end
local rec = 22 + sigLen
local zero16 = string.rep('\\0', 16)
local hasSig = sigLen > 0 and #sig == sigLen

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

local function idOf(seq)
  local r = readRecord(seq)
  local bytes = string.sub(r, 1, 16)
  if bytes == zero16 then return redis.call('HGET', base .. 'x', seq) end
  return hex(bytes)
end

-- cluster seq (the original's record) and agreeing min-hashes of a record
local function clusterOf(seq)
  local r = readRecord(seq)
  local o = 16 + sigLen + 2
  local c = string.byte(r, o + 1) * 65536 + string.byte(r, o + 2) * 256 + string.byte(r, o + 3)
  local m = string.byte(r, o + 4)
  if c == 0 then return seq, m end
  return c, m
end

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

-- Cluster statistics, only once a copy joins (most clusters stay single): field seq % 256 of
-- c:<seq/256>, value 3 bytes size + 2 bytes per distinct source (at most 30, so the value stays
-- under hash-max-listpack-value 64 and the hash stays a listpack).
local function statsKey(cseq)
  return base .. 'c:' .. math.floor(cseq / 256), cseq % 256
end

local function sourceNumberOf(cseq)
  local r = readRecord(cseq)
  local o = 16 + sigLen
  return string.byte(r, o + 1) * 256 + string.byte(r, o + 2)
end

local function addMember(cseq)
  local key, field = statsKey(cseq)
  local v = redis.call('HGET', key, field)
  local size = 1
  local srcs = ''
  if v then
    size = string.byte(v, 1) * 65536 + string.byte(v, 2) * 256 + string.byte(v, 3)
    srcs = string.sub(v, 4)
  else
    local first = sourceNumberOf(cseq)
    if first > 0 then srcs = string.char(math.floor(first / 256), first % 256) end
  end
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
end

local function newRecord(id, idBytes, cseq, matches)
  local seq = redis.call('INCR', KEYS[3])
  local key, off = slot(seq)
  if redis.call('EXISTS', key) == 0 then
    redis.call('SET', key, string.rep('\\0', block * rec))
  end
  local n = sourceNumber()
  local body = sig
  if not hasSig then body = string.rep('\\0', sigLen) end
  local idPart = idBytes
  if #idPart ~= 16 then
    idPart = zero16
    redis.call('HSET', base .. 'x', seq, id)
  end
  local c = 0
  if cseq ~= seq then c = cseq end
  redis.call('SETRANGE', key, off, idPart .. body .. string.char(
    math.floor(n / 256), n % 256,
    math.floor(c / 65536) % 256, math.floor(c / 256) % 256, c % 256, matches))
  local l = levelOf(seq)
  redis.call('HSET', KEYS[kpos(l)], ARGV[apos(l) + 1], seq)
  if hasSig then
    for b = 1, nbands do
      -- first owner wins, across levels
      local taken = false
      for k = 1, l - 1 do
        if redis.call('HEXISTS', KEYS[kpos(k) + b], ARGV[apos(k) + 1 + b]) == 1 then taken = true; break end
      end
      if not taken then redis.call('HSETNX', KEYS[kpos(l) + b], ARGV[apos(l) + 1 + b], seq) end
    end
  end
  return seq
end

-- returns role, matches, cluster seq
local function assign(docKey, docField, idBytes, id)
  local known = redis.call('HGET', docKey, docField)
  if known then return 'd', sigLen * 2, tonumber(string.sub(known, 2)) end

  -- 1. Same normalised text as an earlier record: that record's own document (a replay) or an exact copy.
  local owner = nil
  for l = 1, nlevels do
    owner = redis.call('HGET', KEYS[kpos(l)], ARGV[apos(l) + 1])
    if owner then break end
  end
  if owner then
    local seq = tonumber(owner)
    local cseq, m = clusterOf(seq)
    if idOf(seq) == id then
      if cseq == seq then return 'o', sigLen * 2, seq end
      return 'n', m, cseq
    end
    redis.call('HSET', docKey, docField, 'd' .. cseq)
    addMember(cseq)
    return 'd', sigLen * 2, cseq
  end

  -- 2. Near copy: bucket owners are earlier records; keep the one whose signature agrees most.
  local bestSeq = nil
  local best = -1
  if hasSig then
    local seen = {}
    for b = 1, nbands do
      local cand = nil
      for l = 1, nlevels do
        cand = redis.call('HGET', KEYS[kpos(l) + b], ARGV[apos(l) + 1 + b])
        if cand then break end
      end
      if cand and not seen[cand] then
        seen[cand] = true
        local seq = tonumber(cand)
        local key, off = slot(seq)
        local other = redis.call('GETRANGE', key, off + 16, off + 15 + sigLen)
        if #other == sigLen then
          local m = 0
          for i = 1, sigLen do
            local x = string.byte(sig, i)
            local y = string.byte(other, i)
            if x == y then
              m = m + 2
            else
              if x % 16 == y % 16 then m = m + 1 end
              if math.floor(x / 16) == math.floor(y / 16) then m = m + 1 end
            end
          end
          if m > best then best = m; bestSeq = seq end
        end
      end
    end
  end
  if bestSeq and best >= minMatches then
    local cseq, m = clusterOf(bestSeq)
    if idOf(bestSeq) == id then
      -- a replay whose text changed slightly: keep the first answer
      if cseq == bestSeq then return 'o', sigLen * 2, bestSeq end
      return 'n', m, cseq
    end
    newRecord(id, idBytes, cseq, best)
    addMember(cseq)
    return 'n', best, cseq
  end

  -- 3. Original: a record of its own, whose seq numbers the cluster.
  local seq = newRecord(id, idBytes, 0, 0)
  return 'o', sigLen * 2, seq
end

local role, matches, cseq
if ARGV[5] ~= '' then
  -- Another URL of a page whose canonical URL is known: that page's document takes the text
  -- (assigned as usual, or as it was), this one is its exact duplicate.
  local known = redis.call('HGET', KEYS[1], ARGV[2])
  if known then
    role, matches, cseq = 'd', sigLen * 2, tonumber(string.sub(known, 2))
  else
    local _r, _m, c = assign(KEYS[2], ARGV[5], ARGV[6], ARGV[7])
    role, matches, cseq = 'd', sigLen * 2, c
    redis.call('HSET', KEYS[1], ARGV[2], 'd' .. cseq)
    addMember(cseq)
  end
else
  role, matches, cseq = assign(KEYS[1], ARGV[2], ARGV[3], ARGV[4])
end

local out = { idOf(cseq) or ARGV[4], role, tostring(matches) }
local key, field = statsKey(cseq)
local v = redis.call('HGET', key, field)
local srcs
if v then
  table.insert(out, tostring(string.byte(v, 1) * 65536 + string.byte(v, 2) * 256 + string.byte(v, 3)))
  srcs = string.sub(v, 4)
else
  table.insert(out, '1')
  local first = sourceNumberOf(cseq)
  srcs = ''
  if first > 0 then srcs = string.char(math.floor(first / 256), first % 256) end
end
for i = 1, #srcs - 1, 2 do
  local name = redis.call('HGET', base .. 'srcn', string.byte(srcs, i) * 256 + string.byte(srcs, i + 1))
  if name then table.insert(out, name) end
end
return out
`;
