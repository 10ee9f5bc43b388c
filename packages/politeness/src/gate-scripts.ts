/**
 * Lua for the shared host gate. Time comes from Redis (`TIME`), so fetchers on machines whose
 * clocks disagree still agree on the schedule. State per host (see keys.ts): `next` (earliest
 * start of the next reservation), `last` (when the latest request started), `delay` (current
 * adaptive delay), `fails` (consecutive failures), `openUntil` (circuit breaker), and `pending` /
 * `pendingUntil` (a grant whose request has not been confirmed as sent yet).
 *
 * ACQUIRE  KEYS: host, leases, reservations
 *          ARGV: ticket, maxConcurrency, minDelayMs, leaseMs, stateTtlMs, sendTimeoutMs
 *          → { 1, 0 } granted (a lease named ticket is held), or { code, waitMs } with
 *            code 0 = wait for the reserved slot, 2 = host at its concurrency limit,
 *            3 = circuit open.
 * A ticket that must wait keeps a reservation, so each waiting request is told a distinct start
 * time (spaced by the delay) and comes back once instead of polling in a herd. The gap between
 * two starts is enforced separately (`last`), so tickets that come back late or together still
 * never start closer than the delay.
 *
 * Why `pending`: a grant is not yet a request on the wire. The fetcher may stall between the two
 * (a busy event loop, a new connection's DNS lookup and TCP handshake) while the next fetcher,
 * granted `delay` later, sends at once, so the server would see a short gap. So a grant is
 * provisional: until the fetcher confirms (STARTED) that the request was written to the socket,
 * no other request on the host is granted, and the confirmation moves `last` to the moment the
 * request really left. A fetcher that dies before confirming blocks the host for at most
 * `sendTimeoutMs`, after which its request counts as started then. With a delay of 0 there is
 * nothing to space and grants are not provisional.
 */
export const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = ARGV[1]
local maxConc = tonumber(ARGV[2])
local minDelay = tonumber(ARGV[3])
local leaseMs = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local sendTimeout = tonumber(ARGV[6])
local st = redis.call('HMGET', KEYS[1], 'next', 'last', 'delay', 'openUntil', 'pending', 'pendingUntil')
local nextAt = tonumber(st[1]) or 0
local last = tonumber(st[2]) or 0
local delay = math.max(tonumber(st[3]) or minDelay, minDelay)
local openUntil = tonumber(st[4]) or 0
local pending = st[5]
local pendingUntil = tonumber(st[6]) or 0
redis.call('PEXPIRE', KEYS[1], ttl)
if pending and pendingUntil <= now then
  -- Never confirmed (the fetcher died, or its clock of events stalled past the limit): count
  -- that request as started at the limit, the latest moment it could have been sent.
  last = math.max(last, pendingUntil)
  redis.call('HSET', KEYS[1], 'last', last)
  redis.call('HDEL', KEYS[1], 'pending', 'pendingUntil')
  pending = false
end
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
local unconfirmed = pending and pending ~= ticket
if slot <= now and not busy and not unconfirmed and now >= last + delay then
  redis.call('ZREM', KEYS[3], ticket)
  redis.call('ZADD', KEYS[2], now + leaseMs, ticket)
  redis.call('HSET', KEYS[1], 'last', now)
  if delay > 0 and sendTimeout > 0 then
    redis.call('HSET', KEYS[1], 'pending', ticket, 'pendingUntil', now + sendTimeout)
  end
  redis.call('PEXPIRE', KEYS[2], leaseMs + ttl)
  return { 1, 0 }
end
if slot <= now then
  -- Due, but the host is busy, another grant is not yet on the wire, or a ticket that came back
  -- sooner took the opening: keep the place and try again at the next opening (sending it to the
  -- back would waste its slot). After an unconfirmed grant the next opening is delay after its
  -- confirmation, so at least delay from now.
  local wait = math.max(last + delay - now, 1)
  if unconfirmed then wait = math.max(wait, delay) end
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
 * STARTED  KEYS: host, leases
 *          ARGV: ticket, stateTtlMs
 *          → 1 when the ticket held the host's unconfirmed grant, else 0
 * The request of `ticket` is on the wire: `last` becomes now (so the next start is `delay` after
 * the real one) and other grants may follow. A later start under the same lease (a redirect hop on
 * the same host) also moves `last`, so the request after it keeps its distance too.
 */
export const STARTED_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = ARGV[1]
local st = redis.call('HMGET', KEYS[1], 'pending', 'last')
local mine = st[1] == ticket
if not mine and not redis.call('ZSCORE', KEYS[2], ticket) then return 0 end
redis.call('HSET', KEYS[1], 'last', math.max(tonumber(st[2]) or 0, now))
if mine then redis.call('HDEL', KEYS[1], 'pending', 'pendingUntil') end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
if mine then return 1 end
return 0
`;

/**
 * HOP      KEYS: host, leases
 *          ARGV: ticket, minDelayMs, sendTimeoutMs, stateTtlMs
 *          → 0 when the ticket may send its next request on the host now (a provisional grant,
 *            confirmed by STARTED), else the milliseconds to wait before asking again
 * A redirect back to the same host is one more request under the ticket's lease. It must keep
 * the delay too, but it must not queue behind every reservation (the fetch has a deadline), so
 * it claims the host's very next opening: `pending` holds it, other grants wait, and it is
 * granted once the delay since the last start has passed.
 */
export const HOP_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ticket = ARGV[1]
local minDelay = tonumber(ARGV[2])
local sendTimeout = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local st = redis.call('HMGET', KEYS[1], 'last', 'delay', 'pending', 'pendingUntil')
local last = tonumber(st[1]) or 0
local delay = math.max(tonumber(st[2]) or minDelay, minDelay)
local pending = st[3]
local pendingUntil = tonumber(st[4]) or 0
redis.call('PEXPIRE', KEYS[1], ttl)
if pending and pendingUntil <= now then
  last = math.max(last, pendingUntil)
  redis.call('HSET', KEYS[1], 'last', last)
  redis.call('HDEL', KEYS[1], 'pending', 'pendingUntil')
  pending = false
end
if pending and pending ~= ticket then return math.max(delay, 1) end
if now >= last + delay then
  redis.call('HSET', KEYS[1], 'last', now)
  if delay > 0 and sendTimeout > 0 then
    redis.call('HSET', KEYS[1], 'pending', ticket, 'pendingUntil', now + sendTimeout)
  else
    redis.call('HDEL', KEYS[1], 'pending', 'pendingUntil')
  end
  return 0
end
redis.call('HSET', KEYS[1], 'pending', ticket, 'pendingUntil', last + delay + math.max(sendTimeout, 1))
return last + delay - now
`;

/**
 * RELEASE  KEYS: host, leases
 *          ARGV: ticket, latencyMs, outcome ('ok' | 'error' | 'throttled' | 'none'), minDelayMs,
 *                maxDelayMs, targetConcurrency, failureThreshold, coolDownMs, stateTtlMs
 *          → { delayMs, consecutiveFailures, openForMs }
 * AutoThrottle (as Scrapy's): the delay moves half-way towards latency / targetConcurrency, but an
 * error never lowers it and a 429 doubles it. `failureThreshold` consecutive errors open the
 * circuit for `coolDownMs`, doubled for each further failure while half-open (max 32×).
 * A ticket released while its grant is still unconfirmed (the request failed before or while
 * being sent, or was never confirmed) counts as started now: it may have reached the host.
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
local p = redis.call('HMGET', KEYS[1], 'pending', 'last')
if p[1] == ticket then
  redis.call('HSET', KEYS[1], 'last', math.max(tonumber(p[2]) or 0, now))
  redis.call('HDEL', KEYS[1], 'pending', 'pendingUntil')
end
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
