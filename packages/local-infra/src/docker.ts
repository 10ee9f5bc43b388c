import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpGet } from './probe.ts';

let cached: Promise<boolean> | undefined;

/**
 * True when a Docker engine answers `/_ping` within a second, via DOCKER_HOST (unix:// or tcp://)
 * or the usual socket paths. Never hangs: testcontainers is only loaded when this says yes.
 */
export function dockerEngineAnswers(): Promise<boolean> {
  cached ??= probeDocker();
  return cached;
}

async function probeDocker(): Promise<boolean> {
  if (process.env['KHABAR_NO_DOCKER'] === '1') return false;
  const host = process.env['DOCKER_HOST'];
  if (host?.startsWith('tcp://')) {
    const answer = await httpGet({ url: `http://${host.slice('tcp://'.length)}/_ping` });
    return answer?.status === 200;
  }
  const sockets = host?.startsWith('unix://')
    ? [host.slice('unix://'.length)]
    : ['/var/run/docker.sock', path.join(os.homedir(), '.docker', 'run', 'docker.sock')];
  for (const socketPath of sockets) {
    if (!fs.existsSync(socketPath)) continue;
    const answer = await httpGet({ socketPath, path: '/_ping' });
    if (answer?.status === 200) return true;
  }
  return false;
}
