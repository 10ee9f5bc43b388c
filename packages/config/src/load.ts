import { z } from 'zod';

export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type EnvShape = Record<string, z.ZodType>;
export type ConfigOf<S extends EnvShape> = z.infer<z.ZodObject<S>>;

/** Parses environment variables against a service's schema; every bad variable is named at once. */
export function loadConfig<S extends EnvShape>(shape: S, env: Readonly<Record<string, string | undefined>>): ConfigOf<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = z.object(shape).safeParse(input);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|APIKEY|KEYS?$)/i;

/** A copy safe to log: secrets replaced, credentials stripped from URLs. */
export function redactConfig(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string' && SECRET_NAME.test(key)) out[key] = value ? '[redacted]' : value;
    else if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) out[key] = value.replace(/\/\/[^/@]*@/, '//[redacted]@');
    else out[key] = value;
  }
  return out;
}

/** Lines for .env.example: one commented variable per line with its default. */
export function describeEnv(shape: EnvShape): string[] {
  const lines: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const description = schema.description ?? '';
    const parsed = z.object({ [key]: schema }).safeParse({});
    const def = parsed.success ? (parsed.data as Record<string, unknown>)[key] : undefined;
    lines.push(`# ${description}`);
    lines.push(def === undefined ? `# ${key}=` : `# ${key}=${typeof def === 'boolean' ? String(def) : String(def)}`);
  }
  return lines;
}
