import { startFixtureSite } from './server.ts';

/** `node src/main.ts [port]` or FIXTURE_SITE_PORT; prints the base URL and page list as JSON. */
async function main(): Promise<void> {
  const raw = process.argv[2] ?? process.env['FIXTURE_SITE_PORT'] ?? '8081';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid port "${raw}"\n`);
    process.exit(2);
  }
  const host = process.env['FIXTURE_SITE_HOST'] ?? '127.0.0.1';
  const site = await startFixtureSite({ host, port });
  const pages = site.pages.map((p) => ({ id: p.id, url: site.urlFor(p.id), lang: p.lang, encoding: p.encoding, duplicateOf: p.expected.duplicateOf }));
  process.stdout.write(`${JSON.stringify({ url: site.url, port: site.port, pages })}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) process.exit(1); // second signal forces it
    closing = true;
    site.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
