import { promises as fs } from 'node:fs';

/** Whether a path exists (and is reachable by this process). */
export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
