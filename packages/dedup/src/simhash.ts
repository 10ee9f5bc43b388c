import { tokenizeForDedup } from './normalize.ts';
import { DEFAULT_SHINGLE_SIZE, hash64, wordShingles } from './shingles.ts';

/**
 * 64-bit SimHash (Charikar) over distinct word shingles, as 16 lower-case hex digits.
 * Kept for comparison and diagnostics; the index uses MinHash (see README for the measurements).
 */
export function simhash64(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): string {
  const counts = new Int32Array(64);
  for (const shingle of wordShingles(tokenizeForDedup(text), shingleSize)) {
    const [hi, lo] = hash64(shingle);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit] = (counts[bit] ?? 0) + ((hi >>> (31 - bit)) & 1 ? 1 : -1);
      counts[bit + 32] = (counts[bit + 32] ?? 0) + ((lo >>> (31 - bit)) & 1 ? 1 : -1);
    }
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | ((counts[nibble * 4 + b] ?? 0) > 0 ? 1 : 0);
    hex += v.toString(16);
  }
  return hex;
}

/** Number of differing bits between two 16-hex SimHashes. */
export function hammingDistance64(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
