import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

interface Printed {
  url: string;
  port: number;
  pages: { id: string; url: string; lang: string; encoding: string; duplicateOf: string | null }[];
}

describe('main (CLI)', () => {
  it('starts on FIXTURE_SITE_PORT, prints its URL and pages as JSON, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, FIXTURE_SITE_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      while (!out.includes('\n')) {
        const [chunk] = (await once(child.stdout, 'data')) as [string];
        out += chunk;
      }
      const printed = JSON.parse(out) as Printed;
      expect(printed.url).toBe(`http://127.0.0.1:${printed.port}`);
      expect(printed.pages.length).toBeGreaterThanOrEqual(14);
      const peskov = printed.pages.find((p) => p.id === 'rt-arabic/peskov-baku-yerevan');
      expect(peskov?.url).toBe(`${printed.url}/rt-arabic/2022/12/peskov-baku-yerevan.html`);
      const res = await fetch(peskov?.url ?? '');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses an invalid port with exit code 2', async () => {
    const child = spawn(process.execPath, [MAIN, 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err).toContain('invalid port "eighty"');
  });
});
