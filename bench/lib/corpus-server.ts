import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostAddress, indexFromPath, pageSpec, renderPage, type CorpusOptions } from './corpus.ts';
import type { TextPools } from './text-pools.ts';

/** One HTTP server per loopback host address, all on the same port, rendering pages on request. */
export interface CorpusServer {
  readonly port: number;
  readonly hosts: readonly string[];
  urlFor(index: number): string;
  /** `host:port,…` for KHABAR_FETCH_ALLOW_HOSTS. */
  allowHosts(): string;
  readonly served: { pages: number; bytes: number };
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

export async function startCorpusServer(options: CorpusOptions, pools: TextPools): Promise<CorpusServer> {
  const served = { pages: 0, bytes: 0 };
  const handler = (host: string) => createServer((req, res) => {
    const index = indexFromPath(new URL(req.url ?? '/', 'http://x').pathname);
    const spec = index === undefined ? undefined : pageSpec(options, index);
    if (!spec || spec.host !== host) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = Buffer.from(renderPage(options, pools, spec), 'utf8');
    served.pages += 1;
    served.bytes += body.length;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  const hosts = Array.from({ length: options.hosts }, (_, h) => hostAddress(h));
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const servers: Server[] = [];
    try {
      const first = handler(hosts[0] ?? '127.0.1.1');
      servers.push(first);
      const port = await listen(first, hosts[0] ?? '127.0.1.1', 0);
      for (const host of hosts.slice(1)) {
        const s = handler(host);
        servers.push(s);
        await listen(s, host, port);
      }
      return {
        port,
        hosts,
        served,
        urlFor: (index) => {
          const spec = pageSpec(options, index);
          return `http://${spec.host}:${port}${spec.path}`;
        },
        allowHosts: () => hosts.map((h) => `${h}:${port}`).join(','),
        close: async () => {
          await Promise.all(servers.map(closeServer));
        },
      };
    } catch (err) {
      await Promise.all(servers.filter((s) => s.listening).map(closeServer));
      if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error('could not find one port free on every corpus host address');
}
