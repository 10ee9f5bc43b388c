import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly service: string;
  readonly level: string;
  readonly pretty?: boolean;
}

/** Paths pino redacts in every log line: secrets never reach the logs, whatever logs them. */
export const REDACT_PATHS = [
  'password', '*.password', 'apiKey', '*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', 'req.headers.authorization', 'req.headers["x-api-key"]', 'headers["x-api-key"]',
  'config.REDIS_URL', 'config.ELASTICSEARCH_URL', 'config.ELASTICSEARCH_API_KEY',
];

/** JSON to stdout; pretty only when asked (development). One base logger per process, passed in. */
export function createLogger(settings: LoggerSettings, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (settings.pretty && !destination) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return destination ? pino(options, destination) : pino(options);
}
