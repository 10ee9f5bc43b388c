import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

// A real legacy Arabic page in windows-1256, served with a wrong (server default) charset.
const LEGACY_1256 = readFileSync(fileURLToPath(new URL('../../extract/test/fixtures/legacy-1256/water-plan.html', import.meta.url)));

let server: Server;
let hostPort: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/legacy') res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' }).end(LEGACY_1256);
    else if (req.url === '/moved') res.writeHead(302, { location: '/legacy' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('khabar fetch', () => {
  it('prints the fetch record with the declared and the detected charset', async () => {
    const run = await runCli(['fetch', `http://${hostPort}/moved`, '--allow-host', hostPort]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      url: `http://${hostPort}/moved`,
      finalUrl: `http://${hostPort}/legacy`,
      status: 200,
      redirects: [`http://${hostPort}/legacy`],
      contentType: 'text/html',
      charset: 'iso-8859-1',
      metaCharset: 'windows-1256',
      detectedCharset: 'windows-1256',
      bytes: LEGACY_1256.byteLength,
      notModified: false,
    });
  });

  it('exits non-zero with {"error":{code,message}} on a refused address', async () => {
    const run = await runCli(['fetch', `http://${hostPort}/legacy`]);
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stdout || run.stderr)).toMatchObject({ error: { code: 'KHABAR_E_BLOCKED_ADDRESS' } });
  });
});
