import { pino, type Logger } from 'pino';
import type { TConfig } from './config.js';

export type TLogger = Logger;

/**
 * The process logger: one JSON object per line on standard output (pino), at the level of LOG_LEVEL. Errors are
 * logged under `err`, which pino writes with their type, message and stack.
 */
export const log: TLogger = pino({ level: 'info', base: { app: 'techcare' } });

/** Applies LOG_LEVEL once the configuration is read (main.ts, the CLI). */
export function setLogLevel(level: TConfig['LOG_LEVEL']): void {
  log.level = level;
}

/** A logger at the configuration's level, for an app or a job runner created with that configuration. */
export function loggerFor(config: Pick<TConfig, 'LOG_LEVEL'>, bindings: Record<string, unknown> = {}): TLogger {
  return log.child(bindings, { level: config.LOG_LEVEL });
}
