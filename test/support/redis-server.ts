import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { waitFor } from './wait.ts';

/** Opens a one-off connection to `url`, asks it something and closes it (no retries: a probe). */
export async function probeRedis<T>(url: string, ask: (redis: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return await ask(r);
  } finally {
    r.disconnect();
  }
}

/**
 * A throwaway redis-server on a given port with extra arguments (an eviction policy, AOF, a
 * password, cluster mode), for tests about Redis itself; resolves once it answers PING at `url`.
 */
export async function startRedisServer(port: number, args: readonly string[], url = `redis://127.0.0.1:${port}`): Promise<ChildProcess> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], { stdio: 'ignore' });
  await waitFor(`redis-server on ${port}`, async () => (await probeRedis(url, (r) => r.ping())) === 'PONG', 15_000, 100);
  return proc;
}
