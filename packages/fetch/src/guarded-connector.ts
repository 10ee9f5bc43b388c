import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { PermanentError } from '@khabar/errors';
import {
  blockedRange,
  checkResolvedAddresses,
  isAllowListed,
  type LookupFn,
  type TargetPolicy,
} from './address-guard.ts';

export interface GuardedConnectorOptions {
  readonly policy: TargetPolicy;
  readonly lookup: LookupFn;
  readonly connectTimeoutMs: number;
}

/**
 * A `net.connect` lookup that resolves with `lookup` and refuses the connection when any address
 * is refused. Node calls it inside `net.connect`/`tls.connect` and connects only to the
 * addresses it returns, so the address checked is the address used: a DNS answer that changes
 * between a pre-flight check and the connect (DNS rebinding) cannot slip through.
 */
export function createGuardedLookup(lookup: LookupFn, port: number, check = true): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;
    lookup(hostname)
      .then((answer) => {
        const wanted = options.family === 4 || options.family === 6 ? answer.filter((a) => a.family === options.family) : answer;
        if (wanted.length === 0) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        const checked = check ? checkResolvedAddresses(hostname, port, wanted) : wanted;
        if (options.all) {
          done(null, checked.map((a) => ({ address: a.address, family: a.family })));
        } else {
          const first = checked[0];
          if (first === undefined) throw new Error('unreachable: checked answer is never empty');
          done(null, first.address, first.family);
        }
      })
      .catch((err: unknown) => {
        done(err instanceof Error ? err : new Error(String(err)), '', 0);
      });
  };
}

/**
 * undici connector that applies the address guard to every connection the Agent opens: IP
 * literals are checked before `net.connect` is called, host names through the guarded lookup.
 * Allow-listed host:port pairs connect without the guard (tests, a local fixture site).
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const { policy, lookup, connectTimeoutMs } = options;
  // Allow-listed hosts still resolve through `lookup` (so tests can map names), unchecked.
  const plain = buildConnector({ timeout: connectTimeoutMs, lookup: createGuardedLookup(lookup, 0, false) });
  const guardedByPort = new Map<number, buildConnector.connector>();
  const guardedFor = (port: number): buildConnector.connector => {
    let connector = guardedByPort.get(port);
    if (connector === undefined) {
      connector = buildConnector({ timeout: connectTimeoutMs, lookup: createGuardedLookup(lookup, port) });
      guardedByPort.set(port, connector);
    }
    return connector;
  };

  return (connectOptions, callback) => {
    const { hostname, protocol } = connectOptions;
    const port = connectOptions.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(connectOptions.port);
    if (isAllowListed(policy.allow, hostname, port)) {
      plain(connectOptions, callback);
      return;
    }
    if (!policy.allowedPorts.has(port)) {
      callback(new PermanentError('KHABAR_E_BLOCKED_ADDRESS', `port ${port} is not an allowed port`, { context: { host: hostname, port } }), null);
      return;
    }
    if (isIP(hostname) !== 0) {
      const range = blockedRange(hostname);
      if (range !== null) {
        const context = { host: hostname, port, address: hostname, range };
        callback(new PermanentError('KHABAR_E_BLOCKED_ADDRESS', `${hostname} is a ${range} address`, { context }), null);
        return;
      }
      plain(connectOptions, callback);
      return;
    }
    guardedFor(port)(connectOptions, callback);
  };
}
