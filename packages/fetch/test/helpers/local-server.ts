import dc from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalServer {
  readonly host: string;
  readonly port: number;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  readonly requests: IncomingMessage[];
  connections: number;
  close(): Promise<void>;
}

/** A node:http server on a loopback address (tests may only ever talk to 127.0.0.0/8). */
export async function startServer(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  if (!host.startsWith('127.')) throw new Error(`tests only listen on 127.0.0.0/8, not ${host}`);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    state.requests.push(req);
    handler(req, res);
  });
  server.on('connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const state: LocalServer = {
    host,
    port,
    origin: `http://${host}:${port}`,
    requests: [],
    connections: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

export interface ConnectionAttempt {
  readonly ip: string;
  readonly port: number;
}

/**
 * Records every outgoing TCP connection attempt in this process (Node emits 'connectionAttempt'
 * on a client socket just before it calls connect(2)), so tests can prove a refused target was
 * never dialled and that nothing outside 127.0.0.0/8 ever was.
 */
export function recordConnectionAttempts(): { attempts: ConnectionAttempt[]; stop(): void } {
  const attempts: ConnectionAttempt[] = [];
  const onSocket = (message: unknown): void => {
    const { socket } = message as { socket: Socket };
    socket.on('connectionAttempt', (ip: string, port: number) => attempts.push({ ip, port }));
  };
  dc.subscribe('net.client.socket', onSocket);
  return { attempts, stop: () => dc.unsubscribe('net.client.socket', onSocket) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
