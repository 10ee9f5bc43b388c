import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { ApiClient } from '@khabar/api-keys';
import { presentedKey } from './auth.ts';

/** Where the queue UI (Bull Board) lives on the api service. */
export const QUEUE_UI_PATH = '/admin/queues';

export interface QueueUiOptions {
  /** Every Khabar queue, in pipeline order (asked for only when the UI is mounted). */
  readonly queues: () => readonly Queue[];
  /** API clients (see `khabar apikey create`) whose keys open the UI; empty: the UI is not mounted. */
  readonly adminClients: readonly string[];
  /** Looks a presented API key up (hashed, in Redis); null for unknown or revoked keys. */
  readonly verify: (key: string) => Promise<ApiClient | null>;
  /** Hide retry/clean/pause/remove actions. */
  readonly readOnly?: boolean;
}

export type AdminDecision = { readonly allow: true; readonly client: string } | { readonly allow: false; readonly status: 401 | 403; readonly message: string };

/** Who may open the queue UI: a valid API key of a client named in `adminClients`. */
export async function decideAdmin(key: string | null, adminClients: readonly string[], verify: QueueUiOptions['verify']): Promise<AdminDecision> {
  if (!key) return { allow: false, status: 401, message: 'admin credentials required (an admin API key as the Basic password, X-API-Key or Bearer)' };
  const client = await verify(key);
  if (!client) return { allow: false, status: 401, message: 'unknown or revoked API key' };
  if (!adminClients.includes(client.client)) return { allow: false, status: 403, message: `"${client.client}" is not an admin client (KHABAR_ADMIN_CLIENTS)` };
  return { allow: true, client: client.client };
}

/**
 * Bull Board on `/admin/queues`, showing every Khabar queue, behind admin credentials: an API key
 * (hashed at rest, revocable with `khabar apikey revoke`) whose client is listed in
 * `adminClients`, sent as the password of HTTP Basic auth (what a browser prompts for), as
 * `X-API-Key` or as `Authorization: Bearer`. Without admin clients nothing is mounted (404):
 * there is no default credential. Returns whether the UI was mounted.
 */
export function registerQueueUi(app: FastifyInstance, options: QueueUiOptions): boolean {
  if (options.adminClients.length === 0) return false;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_UI_PATH);
  createBullBoard({
    queues: options.queues().map((q) => new BullMQAdapter(q, { readOnlyMode: options.readOnly ?? false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Khabar queues' } },
  });
  const guard = async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const decision = await decideAdmin(presentedKey(req, { basic: true }), options.adminClients, options.verify);
    if (decision.allow) {
      req.log = req.log.child({ client: decision.client });
      return undefined;
    }
    const code = decision.status === 401 ? 'KHABAR_E_UNAUTHORIZED' : 'KHABAR_E_FORBIDDEN';
    if (decision.status === 401) void reply.header('www-authenticate', 'Basic realm="khabar-admin", charset="UTF-8"');
    return reply.status(decision.status).send({ error: { code, message: decision.message } });
  };
  // An encapsulated child context: the guard covers every Bull Board route (page, assets, API) and nothing else.
  void app.register(
    async (admin) => {
      admin.addHook('onRequest', guard);
      await admin.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_UI_PATH },
  );
  return true;
}
