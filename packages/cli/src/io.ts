import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Non-empty lines of a stream, as they arrive (large inputs are never held whole). */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() !== '') yield line;
  }
}

export async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes one JSON value per line, waiting for the stream when it is full (back-pressure). */
export async function writeJsonLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export class CliError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Parses one JSON line of a --jsonl input, naming the line on failure. */
export function parseJsonLine(line: string, lineNo: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new CliError('KHABAR_E_BAD_INPUT', `line ${lineNo}: not a JSON object`);
}
