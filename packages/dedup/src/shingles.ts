import { hash } from 'node:crypto';

/** Default shingle width in words: long enough that shared names and places alone do not match. */
export const DEFAULT_SHINGLE_SIZE = 3;

/**
 * Distinct k-word shingles of already-tokenised text. Texts shorter than k words give one
 * shingle (the whole text) so they still get a fingerprint.
 */
export function wordShingles(tokens: readonly string[], size = DEFAULT_SHINGLE_SIZE): Set<string> {
  const out = new Set<string>();
  if (tokens.length === 0) return out;
  if (tokens.length < size) {
    out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  return out;
}

/**
 * 64-bit hash of a shingle as two unsigned 32-bit halves: the first 8 bytes of MD5 (fast in
 * OpenSSL, well mixed; not used for security).
 */
export function hash64(value: string): readonly [number, number] {
  const digest = hash('md5', value, 'buffer');
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}
