import { z } from 'zod';
import { submissionSchema, type IntakeItem } from '@khabar/contracts';
import { checkSubmittedUrl } from '@khabar/urls';

export const MAX_BATCH = 1000;

const urlString = z.string().superRefine((value, ctx) => {
  const check = checkSubmittedUrl(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message, params: { problem: check.problem } });
});

const urlItem = z.union([urlString, submissionSchema.extend({ url: urlString }).strict()]);

const singleSchema = submissionSchema.extend({ url: urlString }).strict();
const batchSchema = submissionSchema
  .extend({ urls: z.array(urlItem).min(1, 'at least one URL is required').max(MAX_BATCH, `at most ${MAX_BATCH} URLs per request`) })
  .strict();

/** Either request shape, for the OpenAPI document (parseIntakeRequest picks the shape by key instead). */
export const intakeRequestSchema = z.union([singleSchema, batchSchema]);

export type IntakeRequest = z.infer<typeof singleSchema> | z.infer<typeof batchSchema>;

/**
 * POST /v1/urls accepts one URL (`{"url": …}`) or a batch (`{"urls": [...]}`); batch items are
 * strings or objects that override the batch-level metadata. The shape is chosen by the key
 * present, so errors name the fields of the shape the client meant.
 */
export function parseIntakeRequest(body: unknown): { success: true; data: IntakeRequest } | { success: false; error: z.ZodError } {
  const isBatch = typeof body === 'object' && body !== null && 'urls' in body;
  return isBatch ? batchSchema.safeParse(body) : singleSchema.safeParse(body);
}

/** Flattens either request shape into one item per URL, batch metadata merged under the item's. */
export function toIntakeItems(request: IntakeRequest): IntakeItem[] {
  if ('url' in request) {
    const { url, ...submission } = request;
    return [{ url, submission }];
  }
  const { urls, ...defaults } = request;
  return urls.map((item) => {
    if (typeof item === 'string') return { url: item, submission: defaults };
    const { url, ...own } = item;
    return { url, submission: { ...defaults, ...own, meta: { ...defaults.meta, ...own.meta } } };
  });
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** zod issues as `{field, message}` with dotted paths (`urls.3`), the way API clients read them. */
export function describeProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'invalid_union') {
      // Report the branch that got furthest: the one whose issues have the longest paths.
      const branches = issue.errors.map((branch) => branch.map((i) => ({ field: [...issue.path, ...i.path].map(String).join('.'), message: i.message })));
      const best = branches.sort((a, b) => score(b) - score(a))[0];
      if (best) out.push(...best);
      continue;
    }
    out.push({ field: issue.path.map(String).join('.') || '(body)', message: issue.message });
  }
  return out;
}

function score(problems: FieldProblem[]): number {
  return Math.max(...problems.map((p) => p.field.split('.').length + (p.message.startsWith('Unrecognized') ? -1 : 0)));
}
