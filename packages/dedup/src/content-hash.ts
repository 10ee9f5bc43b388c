import { hash } from 'node:crypto';
import { normalizeForDedup } from './normalize.ts';

/** sha256 hex of the normalised text: equal for exact copies modulo spelling/punctuation noise. */
export function contentHash(text: string): string {
  return hash('sha256', normalizeForDedup(text), 'hex');
}
