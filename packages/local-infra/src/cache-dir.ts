import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** `<repo>/.cache` (gitignored): downloads, data directories, pid files and logs live here. */
export function repoCacheDir(): string {
  const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  return path.join(packageDir, '..', '..', '.cache');
}
