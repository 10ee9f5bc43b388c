import type { Cluster, Redis } from 'ioredis';
import { ApiKeyStore, SCOPES, type Scope } from '@khabar/api-keys';
import { CliError } from '../io.ts';

/** `khabar apikey create <client>`: the plain key is printed once; only its hash is stored. */
export async function createApiKey(redis: Redis | Cluster, prefix: string, client: string, options: { scopes?: string[]; rate?: number }): Promise<{ client: string; key: string; scopes: readonly Scope[]; ratePerMinute: number }> {
  const scopes = options.scopes ?? [...SCOPES];
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length) throw new CliError('KHABAR_E_BAD_INPUT', `unknown scope(s) ${bad.join(', ')}; use ${SCOPES.join(', ')}`);
  try {
    const { key, record } = await new ApiKeyStore(redis, prefix).create(client, { scopes: scopes as Scope[], ...(options.rate ? { ratePerMinute: options.rate } : {}) });
    return { client: record.client, key, scopes: record.scopes, ratePerMinute: record.ratePerMinute };
  } catch (err) {
    throw new CliError('KHABAR_E_BAD_INPUT', err instanceof Error ? err.message : String(err));
  }
}

export async function revokeApiKey(redis: Redis | Cluster, prefix: string, client: string): Promise<{ revoked: string }> {
  if (!(await new ApiKeyStore(redis, prefix).revoke(client))) throw new CliError('KHABAR_E_NOT_FOUND', `no API key for client "${client}"`);
  return { revoked: client };
}

export async function listApiKeys(redis: Redis | Cluster, prefix: string): Promise<unknown[]> {
  return new ApiKeyStore(redis, prefix).list();
}
