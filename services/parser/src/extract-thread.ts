/**
 * Worker-thread side of the extract pool: decodes and extracts one page per message. Runs in its
 * own thread so the pool can terminate it when a hostile page blows the time cap.
 */
import { parentPort } from 'node:worker_threads';
import { extractFromBytes } from '@khabar/extract';
import type { ThreadReply, ThreadRequest } from './extract-messages.ts';

const port = parentPort;
if (port === null) throw new Error('extract-thread.ts must run in a worker thread');

port.on('message', (req: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    const { article, charset } = extractFromBytes({ bytes: req.bytes, url: req.url, headerCharset: req.headerCharset, fetchedAt: new Date(req.fetchedAt) });
    reply = { id: req.id, ok: true, article, charset };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    reply = { id: req.id, ok: false, code: typeof code === 'string' ? code : null, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
