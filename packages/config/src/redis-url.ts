/**
 * Where Redis is, from REDIS_URL. Two forms:
 *   redis://[user:password@]host:port[/db]   (rediss:// for TLS) — one Redis server
 *   redis+cluster://[user:password@]host:port[,host:port…]   (rediss+cluster:// for TLS) — a Redis
 *   Cluster; the listed nodes are seeds (one reachable node is enough, the client discovers the rest).
 * The user and password apply to every cluster node.
 */
export type RedisTarget =
  | { readonly kind: 'single'; readonly url: string }
  | {
      readonly kind: 'cluster';
      readonly nodes: readonly { readonly host: string; readonly port: number }[];
      readonly username?: string;
      readonly password?: string;
      readonly tls: boolean;
    };

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\/(.*)$/i;

/** Parses REDIS_URL; throws an Error whose message names what is wrong. */
export function parseRedisUrl(value: string): RedisTarget {
  const cluster = CLUSTER_SCHEME.exec(value);
  if (!cluster) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`"${redactUrl(value)}" is not a URL (expected redis://host:port or redis+cluster://host:port,host:port)`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
      throw new Error(`scheme "${url.protocol}" is not redis:, rediss:, redis+cluster: or rediss+cluster:`);
    }
    if (!url.hostname) throw new Error('the URL names no host');
    return { kind: 'single', url: value };
  }
  const tls = cluster[1]!.toLowerCase() === 'rediss';
  let rest = cluster[2]!;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const path = rest.slice(slash);
    if (path !== '/' && path !== '/0') throw new Error('Redis Cluster has only database 0; drop the path after the nodes');
    rest = rest.slice(0, slash);
  }
  let username: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    const user = decodeURIComponent(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
    const pass = colon >= 0 ? decodeURIComponent(userinfo.slice(colon + 1)) : '';
    if (user) username = user;
    if (pass) password = pass;
  }
  if (!rest) throw new Error('redis+cluster:// needs at least one host:port');
  const nodes = rest.split(',').map((entry) => {
    const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/i.exec(entry.trim());
    const port = m ? Number(m[3]) : 0;
    if (!m || port < 1 || port > 65535) throw new Error(`cluster node "${entry}" is not host:port`);
    return { host: (m[1] ?? m[2])!, port };
  });
  return { kind: 'cluster', nodes, ...(username ? { username } : {}), ...(password ? { password } : {}), tls };
}

/** The URL with its credentials removed, for messages and logs. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/[^/@]*@/, '//[redacted]@');
}
