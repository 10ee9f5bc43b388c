import { createServer, request, type Server } from 'node:http';

export interface BulkFaults {
  /** Reject each document id with 429 the first time it is seen (every other id). */
  readonly rejectHalfOnce: boolean;
  /** Ids answered with a 400 mapping error every time. */
  readonly mappingErrorIds: ReadonlySet<string>;
}

/**
 * An HTTP proxy in front of a real Elasticsearch that rewrites `_bulk` answers item by item, the
 * way an overloaded or strict cluster answers: some items 429 (es_rejected_execution_exception),
 * some 400 (mapper_parsing_exception). Everything else passes through untouched.
 */
export class BulkFaultProxy {
  private server: Server | undefined;
  private readonly target: URL;
  private readonly faults: BulkFaults;
  private readonly seen = new Set<string>();
  private parity = 0;
  rejected429 = 0;
  rejected400 = 0;
  port = 0;

  constructor(target: string, faults: BulkFaults) {
    this.target = new URL(target);
    this.faults = faults;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const upstream = request(
          { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.target.host, 'accept-encoding': 'identity' } },
          (up) => {
            const body: Buffer[] = [];
            up.on('data', (c: Buffer) => body.push(c));
            up.on('end', () => {
              let out = Buffer.concat(body);
              if ((req.url ?? '').includes('_bulk') && up.statusCode === 200) out = Buffer.from(this.rewrite(out.toString('utf8')));
              const headers = { ...up.headers, 'content-length': String(out.length) };
              // The body is re-sent whole: no chunking, no compression, our own length.
              delete headers['content-encoding'];
              delete headers['transfer-encoding'];
              delete headers['connection'];
              res.writeHead(up.statusCode ?? 502, headers).end(out);
            });
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
  }

  private rewrite(text: string): string {
    const reply = JSON.parse(text) as { errors: boolean; items: Array<Record<string, { _id: string; status: number; error?: unknown }>> };
    for (const item of reply.items) {
      const op = Object.values(item)[0];
      if (!op) continue;
      if (this.faults.mappingErrorIds.has(op._id)) {
        op.status = 400;
        op.error = { type: 'mapper_parsing_exception', reason: 'failed to parse field [publishedAt] of type [date] (injected)' };
        reply.errors = true;
        this.rejected400 += 1;
      } else if (this.faults.rejectHalfOnce && !this.seen.has(op._id)) {
        this.seen.add(op._id);
        if (this.parity++ % 2 === 0) {
          op.status = 429;
          op.error = { type: 'es_rejected_execution_exception', reason: 'rejected execution (injected)' };
          reply.errors = true;
          this.rejected429 += 1;
        }
      }
    }
    return JSON.stringify(reply);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
