import { z } from 'zod';

/** Boolean environment flags accept the usual spellings; anything else is an error, not a silent false. */
const ZFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ZConfig = z.object({
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected sqlite:<file> or postgres://…')
    .default('sqlite:./data/techcare.db'),
  TECHCARE_DEMO: ZFlag.default(true),
  TECHCARE_ADMIN_EMAIL: z.email({ message: 'expected an email address' }).default('admin@techcare.localhost'),
  TECHCARE_ADMIN_PASSWORD: z.string().min(12, 'expected at least 12 characters').optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'expected smtp://… or smtps://…')
    .optional(),
  PUBLIC_URL: z.url({ message: 'expected an absolute URL' }).optional(),
  /** Folder of the knowledge library's uploaded files; default `uploads/` beside the SQLite file, `./data/uploads` with PostgreSQL. */
  TECHCARE_UPLOADS_DIR: z.string().min(1).optional(),
  /** Behind a reverse proxy: honour X-Forwarded-For / X-Forwarded-Proto. Off by default, since a client could forge them. */
  TRUST_PROXY: ZFlag.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type TConfig = z.infer<typeof ZConfig>;

/**
 * Reads and validates the environment. An invalid value is reported in one line naming the variable, so an
 * operator sees at once what to fix (contracts.md: "Invalid values stop the start with one clear line").
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {}

/** The base URL used in links sent by mail and in iCalendar feeds. */
export function publicUrl(config: TConfig): string {
  return (
    config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`
  ).replace(/\/$/, '');
}
