import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { FixturePage } from './types.ts';

/**
 * The exact bytes the server sends for a page. Sources are kept as UTF-8 so they stay
 * editable; legacy pages are transcoded here, so tests can use the wire bytes without a server.
 */
export function readPageBytes(page: FixturePage): Buffer {
  const source = readFileSync(page.file, 'utf8');
  if (page.encoding === 'utf-8') return Buffer.from(source, 'utf8');
  const bytes = iconv.encode(source, page.encoding);
  if (iconv.decode(bytes, page.encoding) !== source) {
    throw new Error(`${page.id}: source has characters ${page.encoding} cannot represent`);
  }
  return bytes;
}
