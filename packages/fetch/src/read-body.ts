import { Readable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** The body went over a cap; `which` says whether the wire or the decoded bytes did. */
export class BodyTooLargeError extends Error {
  readonly which: 'wire' | 'decoded';
  readonly limit: number;

  constructor(which: 'wire' | 'decoded', limit: number) {
    super(`${which === 'wire' ? 'body' : 'decoded body'} exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
    this.which = which;
    this.limit = limit;
  }
}

/** The server used a Content-Encoding we did not offer and cannot decode. */
export class UnsupportedEncodingError extends Error {
  readonly encoding: string;

  constructor(encoding: string) {
    super(`unsupported Content-Encoding "${encoding}"`);
    this.name = 'UnsupportedEncodingError';
    this.encoding = encoding;
  }
}

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxDecodedBytes: number;
}

export interface ReadBody {
  readonly body: Uint8Array;
  /** Bytes received on the wire (after de-chunking, before Content-Encoding decoding). */
  readonly bytes: number;
  readonly decodedBytes: number;
}

/** The Content-Encoding codings, in the order they were applied; identity dropped. */
export function parseContentEncoding(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

type Stage = Duplex | ((source: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>);

// Truncated streams are decoded as far as they go (as browsers do) rather than failing.
const zlibLenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; look at byte 0-1. */
function inflateEitherWay(): Stage {
  return async function* inflate(source) {
    const iterator = source[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done === true) return;
    const head = first.value;
    const b0 = head[0] ?? 0;
    const b1 = head[1] ?? 0;
    const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    const inflater = zlibWrapped ? zlib.createInflate(zlibLenient) : zlib.createInflateRaw(zlibLenient);
    async function* replay(): AsyncGenerator<Uint8Array> {
      yield head;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    }
    const input = Readable.from(replay());
    input.on('error', (err) => inflater.destroy(err));
    input.pipe(inflater);
    try {
      yield* inflater;
    } finally {
      input.destroy();
      inflater.destroy();
    }
  };
}

function decoderFor(coding: string): Stage {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(zlibLenient);
    case 'deflate':
      return inflateEitherWay();
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new UnsupportedEncodingError(coding);
  }
}

/**
 * Reads a response body through its Content-Encoding decoders, counting wire bytes and decoded
 * bytes and stopping (destroying every stream, so the connection is dropped) as soon as either
 * cap is passed. Streams keep their back-pressure, so memory stays near the caps however large
 * the body or however far a compression bomb would expand.
 */
export async function readBody(
  source: AsyncIterable<Uint8Array>,
  contentEncoding: string | undefined,
  limits: BodyLimits,
  signal?: AbortSignal,
): Promise<ReadBody> {
  const codings = parseContentEncoding(contentEncoding);
  const decoders = codings.reverse().map(decoderFor);
  let bytes = 0;
  let decodedBytes = 0;
  const chunks: Uint8Array[] = [];

  async function* countWire(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      bytes += chunk.byteLength;
      if (bytes > limits.maxBodyBytes) throw new BodyTooLargeError('wire', limits.maxBodyBytes);
      yield chunk;
    }
  }

  async function collect(input: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const chunk of input) {
      decodedBytes += chunk.byteLength;
      if (decodedBytes > limits.maxDecodedBytes) throw new BodyTooLargeError('decoded', limits.maxDecodedBytes);
      chunks.push(chunk);
    }
  }

  const stages: Stage[] = [countWire, ...decoders];
  await (pipeline as (...args: unknown[]) => Promise<void>)(source, ...stages, collect, signal === undefined ? {} : { signal });
  const body = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), bytes, decodedBytes };
}
