/**
 * Lua for the shared host gate. Time comes from Redis (`TIME`), so fetchers on machines whose
 * clocks disagree still agree on the schedule. State per host (see keys.ts): `next` (earliest
 * start of the next reservation), `last` (last granted start), `delay` (current adaptive delay),
 * `fails` (consecutive failures), `openUntil` (circuit breaker).
 *
 * ACQUIRE  KEYS: host, leases, reservations
 *          ARGV: ticket, maxConcurrency, minDelayMs, leaseMs, stateTtlMs
 *          → { 1, 0 } granted (a lease named ticket is held), or { code, waitMs } with
 *            code 0 = wait for the reserved slot, 2 = host at its concurrency limit,
 *            3 = circuit open.
 * A ticket that must wait keeps a reservation, so each waiting request is told a distinct start
 * time (spaced by the delay) and comes back once instead of polling in a herd. The gap between
 * two grants is enforced separately (`last`), so tickets that come back late or together still
 * never start closer than the delay.
 */
export const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = ARGV[1]
local maxConc = tonumber(ARGV[2])
local minDelay = tonumber(ARGV[3])
local leaseMs = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local st = redis.call('HMGET', KEYS[1], 'next', 'last', 'delay', 'openUntil')
local nextAt = tonumber(st[1]) or 0
local last = tonumber(st[2]) or 0
local delay = math.max(tonumber(st[3]) or minDelay, minDelay)
local openUntil = tonumber(st[4]) or 0
redis.call('PEXPIRE', KEYS[1], ttl)
if openUntil > now then
  -- The ticket gives up its place: when the circuit closes it lines up again, spread out,
  -- instead of every parked ticket coming back due at the same moment.
  redis.call('ZREM', KEYS[3], ticket)
  return { 3, openUntil - now }
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 3600000)
local slot = tonumber(redis.call('ZSCORE', KEYS[3], ticket))
if not slot then
  slot = math.max(nextAt, now, last + delay)
  nextAt = slot + delay
  redis.call('HSET', KEYS[1], 'next', nextAt)
end
local busy = redis.call('ZCARD', KEYS[2]) >= maxConc
if slot <= now and not busy and now >= last + delay then
  redis.call('ZREM', KEYS[3], ticket)
  redis.call('ZADD', KEYS[2], now + leaseMs, ticket)
  redis.call('HSET', KEYS[1], 'last', now)
  redis.call('PEXPIRE', KEYS[2], leaseMs + ttl)
  return { 1, 0 }
end
if slot <= now then
  -- Due, but the host is busy or a ticket that came back sooner took the opening: keep the
  -- place and try again at the next opening (sending it to the back would waste its slot).
  local wait = math.max(last + delay - now, 1)
  if busy then wait = math.max(wait, math.floor(delay / 2), 5) end
  redis.call('ZADD', KEYS[3], slot, ticket)
  redis.call('PEXPIRE', KEYS[3], ttl)
  if busy then return { 2, wait } end
  return { 0, wait }
end
redis.call('ZADD', KEYS[3], slot, ticket)
redis.call('PEXPIRE', KEYS[3], ttl)
if busy then return { 2, slot - now } end
return { 0, slot - now }
`;

/**
 * RELEASE  KEYS: host, leases
 *          ARGV: ticket, latencyMs, outcome ('ok' | 'error' | 'throttled' | 'none'), minDelayMs,
 *                maxDelayMs, targetConcurrency, failureThreshold, coolDownMs, stateTtlMs
 *          → { delayMs, consecutiveFailures, openForMs }
 * AutoThrottle (as Scrapy's): the delay moves half-way towards latency / targetConcurrency, but an
 * error never lowers it and a 429 doubles it. `failureThreshold` consecutive errors open the
 * circuit for `coolDownMs`, doubled for each further failure while half-open (max 32×).
 */
export const RELEASE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = ARGV[1]
local latency = tonumber(ARGV[2])
local outcome = ARGV[3]
local minDelay = tonumber(ARGV[4])
local maxDelay = tonumber(ARGV[5])
local targetConc = tonumber(ARGV[6])
local threshold = tonumber(ARGV[7])
local coolDown = tonumber(ARGV[8])
local ttl = tonumber(ARGV[9])
redis.call('ZREM', KEYS[2], ticket)
local st = redis.call('HMGET', KEYS[1], 'delay', 'fails')
local delay = math.max(tonumber(st[1]) or minDelay, minDelay)
local fails = tonumber(st[2]) or 0
local openFor = 0
if outcome ~= 'none' then
  local target = latency / targetConc
  local proposed = (delay + target) / 2
  if outcome == 'throttled' then
    proposed = delay * 2
  elseif outcome == 'error' and proposed < delay then
    proposed = delay
  end
  delay = math.min(math.max(proposed, minDelay), maxDelay)
  if outcome == 'ok' then
    fails = 0
  else
    fails = fails + 1
    if fails >= threshold then
      openFor = coolDown * math.pow(2, math.min(fails - threshold, 5))
      redis.call('HSET', KEYS[1], 'openUntil', now + openFor)
    end
  end
  redis.call('HSET', KEYS[1], 'delay', math.floor(delay), 'fails', fails)
end
redis.call('PEXPIRE', KEYS[1], ttl)
return { math.floor(delay), fails, openFor }
`;
