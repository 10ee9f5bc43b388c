import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderEnvExample, renderErrorsDoc } from '../../scripts/gen-docs.ts';

describe('generated docs', () => {
  it('docs/errors.md matches the error catalogue (run pnpm docs:gen)', async () => {
    expect(await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8')).toBe(renderErrorsDoc());
  });
  it('.env.example matches the services\' config schemas (run pnpm docs:gen)', async () => {
    expect(await readFile(new URL('../../.env.example', import.meta.url), 'utf8')).toBe(renderEnvExample());
  });
});
