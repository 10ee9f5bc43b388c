import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Whether Debian's docker-compose is installed (CI installs it; `scripts/test.sh`). */
export function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration compose would run from these files: rendered by `docker-compose config`
 * where installed, else parsed and merged the way compose merges files (services and their
 * environment maps by key, the later file winning).
 */
export function renderCompose<T extends { services: Record<string, { environment?: Record<string, string> }> }>(paths: readonly string[], env: Record<string, string> = {}): T {
  if (hasDockerCompose()) {
    const args = [...paths.flatMap((p) => ['-f', p]), 'config'];
    return parse(execFileSync('docker-compose', args, { encoding: 'utf8', env: { ...process.env, ...env } })) as T;
  }
  const [first, ...rest] = paths.map((p) => parse(readFileSync(p, 'utf8'), { merge: true }) as T);
  if (!first) throw new Error('renderCompose needs at least one file');
  for (const extra of rest) {
    for (const [name, service] of Object.entries(extra.services)) {
      const before = first.services[name] ?? {};
      first.services[name] = { ...before, ...service, environment: { ...before.environment, ...service.environment } };
    }
  }
  return first;
}
