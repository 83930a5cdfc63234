import { isIP } from 'node:net';
import {
  type DatabaseTarget,
  type DataKey,
  DataKeyFormatError,
  MINT_DATA_KEY_COMMAND,
  parseDataKeys,
  parseWebhookUrl,
  validateWebhookSecret,
} from '@ptfx/intake';
import { z } from 'zod';

/** Everything the API reads from its environment, parsed once at start. */
export interface ApiConfig {
  /** TCP port to listen on. */
  readonly port: number;
  /** Interface to bind. */
  readonly host: string;
  /** Clinic data file (YAML or JSON); the embedded sample clinic when absent. */
  readonly dataFile?: string;
  /** Re-read the data file when it changes. */
  readonly watch: boolean;
  /** Origins allowed by CORS: `*` or a list. */
  readonly corsOrigins: '*' | readonly string[];
  /** Public base URL of this API, for absolute links (FHIR fullUrl, JSON-LD ids). */
  readonly baseUrl: string;
  /**
   * Where the clinic's website lives when it is not the site this API serves at `/` (a static
   * export on another host): the form's thank-you redirect goes there. Absent, the site is the
   * API's own, at `baseUrl`.
   */
  readonly siteUrl?: string;
  /** Largest request body, in bytes. */
  readonly bodyLimit: number;
  /** Longest graceful shutdown before connections are cut, in milliseconds. */
  readonly shutdownTimeoutMs: number;
  /** `info` logs a line per request; `silent` logs nothing but errors. */
  readonly logLevel: 'info' | 'silent';
  /** Where consultation requests are kept. */
  readonly database: DatabaseTarget;
  /** Staff members and the SHA-256 of their bearer tokens; none means staff routes answer 503. */
  readonly staffTokens: readonly StaffToken[];
  /** Addresses of proxies whose `X-Forwarded-For` is believed; none by default. */
  readonly trustedProxies: readonly string[];
  /** Consultation-request POSTs allowed per client address and window. */
  readonly intakeRateLimit: { readonly limit: number; readonly windowMs: number };
  /** Closed and spam requests older than this many days are purged. */
  readonly retentionDays: number;
  /**
   * Where new requests are announced (id and staff link only, Standard Webhooks), if anywhere:
   * PTFX_WEBHOOK_URL, PTFX_WEBHOOK_SECRET (`whsec_…`), PTFX_WEBHOOK_MAX_ATTEMPTS (default 8) and
   * PTFX_WEBHOOK_TIMEOUT_MS (default 10 000; a claim's lease is three times it).
   */
  readonly webhook?: WebhookSettings;
  /**
   * The keys that seal personal fields at rest (PTFX_DATA_KEY), the current one first; absent,
   * requests are stored unencrypted (development only: production refuses to start).
   */
  readonly dataKeys?: readonly DataKey[];
}

/** The webhook the outbox deliverer sends announcements to. */
export interface WebhookSettings {
  /** An https URL (http on loopback only). */
  readonly url: string;
  /** `whsec_` + base64 of 24–64 bytes. */
  readonly secret: string;
  /** Attempts per announcement before it is dead (staff can re-drive it). */
  readonly maxAttempts: number;
  /** Longest one attempt may take. */
  readonly timeoutMs: number;
}

/** One staff member's name and the SHA-256 (hex) of their token. */
export interface StaffToken {
  readonly name: string;
  readonly sha256: string;
}

/** The SQLite file used when DATABASE_URL is unset, under the working directory. */
export const DEFAULT_SQLITE_PATH = '.ptfx/ptfx.db';

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return fallback;
      const value = Number(text);
      if (/^\d+$/.test(text) && value >= min && value <= max) return value;
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be a whole number from ${min} to ${max}, got "${text}"`,
      });
      return z.NEVER;
    });

const EnvSchema = z.object({
  PORT: whole('PORT', 1, 65535, 3000),
  HOST: z
    .string()
    .max(255)
    .regex(/^[A-Za-z0-9.:-]+$/, {
      error: (i) => `HOST must be a host name or IP address, got "${String(i.input)}"`,
    })
    .optional(),
  PTFX_DATA: z.string().max(4096).optional(),
  PTFX_WATCH: z
    .enum(['0', '1', 'true', 'false'], {
      error: (i) => `PTFX_WATCH must be 1 or 0, got "${String(i.input)}"`,
    })
    .optional(),
  PTFX_CORS_ORIGINS: z
    .string()
    .max(4096)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '' || text.trim() === '*') return '*' as const;
      const origins = text
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      const bad = origins.find((o) => !/^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(o));
      if (bad === undefined) return origins;
      ctx.addIssue({
        code: 'custom',
        message: `PTFX_CORS_ORIGINS must be * or a comma-separated list of origins like https://www.example.com, got "${bad}"`,
      });
      return z.NEVER;
    }),
  PTFX_BASE_URL: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, {
      error: (i) => `PTFX_BASE_URL must be an absolute http(s) URL, got "${String(i.input)}"`,
    })
    .optional(),
  PTFX_SITE_URL: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, {
      error: (i) =>
        `PTFX_SITE_URL must be the absolute http(s) URL of the clinic's website, like https://www.example.com, got "${String(i.input).slice(0, 200)}"`,
    })
    .optional(),
  PTFX_BODY_LIMIT: whole('PTFX_BODY_LIMIT', 1024, 16 * 1024 * 1024, 1024 * 1024),
  PTFX_SHUTDOWN_TIMEOUT_MS: whole('PTFX_SHUTDOWN_TIMEOUT_MS', 0, 120_000, 10_000),
  PTFX_LOG: z
    .enum(['info', 'silent'], {
      error: (i) => `PTFX_LOG must be info or silent, got "${String(i.input)}"`,
    })
    .optional(),
  DATABASE_URL: z
    .string()
    .max(4096)
    .optional()
    .transform((text, ctx): DatabaseTarget | typeof z.NEVER => {
      if (text === undefined || text.trim() === '')
        return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
      if (text.startsWith('file:')) {
        const path = text.slice('file:'.length);
        if (path !== '' && !path.includes('\0')) return { kind: 'sqlite', path };
      } else if (/^postgres(ql)?:\/\/[^\s]+$/.test(text)) {
        try {
          new URL(text);
          return { kind: 'postgres', url: text };
        } catch {
          // reported below
        }
      }
      ctx.addIssue({
        code: 'custom',
        // Never echo the value: a PostgreSQL URL carries a password.
        message:
          'DATABASE_URL must be unset (SQLite at .ptfx/ptfx.db), file:PATH (a SQLite file) or postgres://user:password@host:port/database',
      });
      return z.NEVER;
    }),
  PTFX_STAFF_TOKENS: z
    .string()
    .max(64 * 1024)
    .optional()
    .transform((text, ctx): StaffToken[] | typeof z.NEVER => {
      if (text === undefined || text.trim() === '') return [];
      const tokens: StaffToken[] = [];
      const names = new Set<string>();
      for (const [index, entry] of text.split(',').entries()) {
        const match = /^\s*([A-Za-z0-9._-]{1,64}):([0-9a-fA-F]{64})\s*$/.exec(entry);
        const name = match?.[1];
        const hash = match?.[2];
        if (!name || !hash || names.has(name)) {
          ctx.addIssue({
            code: 'custom',
            // The entry is not echoed: a token pasted by mistake would land in a log.
            message: `PTFX_STAFF_TOKENS entry ${index + 1} must be name:<64 hex digits of the token's SHA-256>, with each name once; mint one with "pnpm --filter @ptfx/api admin mint-token <name>"`,
          });
          return z.NEVER;
        }
        names.add(name);
        tokens.push({ name, sha256: hash.toLowerCase() });
      }
      return tokens;
    }),
  PTFX_TRUSTED_PROXIES: z
    .string()
    .max(4096)
    .optional()
    .transform((text, ctx): string[] | typeof z.NEVER => {
      if (text === undefined || text.trim() === '') return [];
      const list = text.split(',').map((p) => p.trim());
      const bad = list.find((p) => isIP(p) === 0);
      if (bad === undefined) return list;
      ctx.addIssue({
        code: 'custom',
        message: `PTFX_TRUSTED_PROXIES must be a comma-separated list of IP addresses, got "${bad.slice(0, 100)}"`,
      });
      return z.NEVER;
    }),
  PTFX_INTAKE_RATE_LIMIT: z
    .string()
    .max(100)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return { limit: 5, windowMs: 600_000 };
      const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
      const limit = Number(match?.[1]);
      const seconds = Number(match?.[2]);
      if (match && limit >= 1 && seconds >= 1 && seconds <= 86_400)
        return { limit, windowMs: seconds * 1000 };
      ctx.addIssue({
        code: 'custom',
        message: `PTFX_INTAKE_RATE_LIMIT must be REQUESTS/SECONDS like 5/600 (5 per 10 minutes), got "${text.slice(0, 100)}"`,
      });
      return z.NEVER;
    }),
  PTFX_RETENTION_DAYS: whole('PTFX_RETENTION_DAYS', 1, 3650, 90),
  PTFX_WEBHOOK_URL: z.string().max(2048).optional(),
  PTFX_WEBHOOK_SECRET: z.string().max(1024).optional(),
  PTFX_WEBHOOK_MAX_ATTEMPTS: whole('PTFX_WEBHOOK_MAX_ATTEMPTS', 1, 100, 8),
  PTFX_WEBHOOK_TIMEOUT_MS: whole('PTFX_WEBHOOK_TIMEOUT_MS', 100, 60_000, 10_000),
  PTFX_DATA_KEY: z
    .string()
    .max(64 * 1024)
    .optional()
    .transform((text, ctx): readonly DataKey[] | undefined | typeof z.NEVER => {
      if (text === undefined || text.trim() === '') return undefined;
      try {
        return parseDataKeys(text);
      } catch (error) {
        if (!(error instanceof DataKeyFormatError)) throw error;
        // The message names the entry, never its text (it may be a real key with a typo).
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }),
  NODE_ENV: z.string().max(100).optional(),
});

/**
 * Why the API must not start without PTFX_DATA_KEY: in production, what the public sends would
 * be stored readable by anyone who copies the database or a backup.
 */
export const MISSING_DATA_KEY_IN_PRODUCTION = `PTFX_DATA_KEY is not set and NODE_ENV is production: consultation requests (names, contacts, reasons) would be stored unencrypted. Mint a key with "${MINT_DATA_KEY_COMMAND}", set PTFX_DATA_KEY to it and start again; keep a copy of the key somewhere safe (a secrets manager, not next to the database or its backups): without it the stored requests cannot be read`;

/**
 * Parses the environment into an {@link ApiConfig}, or returns every problem as a message that
 * names the variable and what it expects.
 */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: ApiConfig } | { ok: false; errors: string[] } {
  const parsed = EnvSchema.safeParse(env, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  }
  const e = parsed.data;
  // The API always takes consultation requests (the intake route cannot be turned off).
  if (e.NODE_ENV === 'production' && e.PTFX_DATA_KEY === undefined)
    return { ok: false, errors: [MISSING_DATA_KEY_IN_PRODUCTION] };
  const webhook = parseWebhook(e.PTFX_WEBHOOK_URL, e.PTFX_WEBHOOK_SECRET, {
    maxAttempts: e.PTFX_WEBHOOK_MAX_ATTEMPTS,
    timeoutMs: e.PTFX_WEBHOOK_TIMEOUT_MS,
  });
  if (typeof webhook === 'string') return { ok: false, errors: [webhook] };
  const host = e.HOST ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const baseUrl = (e.PTFX_BASE_URL ?? `http://${urlHost}:${e.PORT}`).replace(/\/+$/, '');
  const siteUrl = e.PTFX_SITE_URL?.replace(/\/+$/, '');
  const siteProblem = siteUrl
    ? siteOriginProblem(siteUrl, baseUrl, e.PTFX_CORS_ORIGINS)
    : undefined;
  if (siteProblem) return { ok: false, errors: [siteProblem] };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host,
      ...(e.PTFX_DATA ? { dataFile: e.PTFX_DATA } : {}),
      watch: e.PTFX_WATCH === '1' || e.PTFX_WATCH === 'true',
      corsOrigins: e.PTFX_CORS_ORIGINS,
      baseUrl,
      ...(siteUrl ? { siteUrl } : {}),
      bodyLimit: e.PTFX_BODY_LIMIT,
      shutdownTimeoutMs: e.PTFX_SHUTDOWN_TIMEOUT_MS,
      logLevel: e.PTFX_LOG ?? 'info',
      database: e.DATABASE_URL,
      staffTokens: e.PTFX_STAFF_TOKENS,
      trustedProxies: e.PTFX_TRUSTED_PROXIES,
      intakeRateLimit: e.PTFX_INTAKE_RATE_LIMIT,
      retentionDays: e.PTFX_RETENTION_DAYS,
      ...(webhook ? { webhook } : {}),
      ...(e.PTFX_DATA_KEY ? { dataKeys: e.PTFX_DATA_KEY } : {}),
    },
  };
}

/** The scheme, host and port of an http(s) URL that passed the schema's pattern. */
function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * A site on another origin posts the form from there: with JavaScript as a CORS request, so its
 * origin must be one CORS allows.
 */
function siteOriginProblem(
  siteUrl: string,
  baseUrl: string,
  corsOrigins: '*' | readonly string[],
): string | undefined {
  const origin = originOf(siteUrl);
  if (corsOrigins === '*' || origin === originOf(baseUrl) || corsOrigins.includes(origin))
    return undefined;
  return `PTFX_SITE_URL's origin ${origin} must be in PTFX_CORS_ORIGINS (${corsOrigins.join(',')}): the site's form posts to this API from there; add it, or leave PTFX_CORS_ORIGINS unset for *`;
}

function parseWebhook(
  url: string | undefined,
  secret: string | undefined,
  tuning: Pick<WebhookSettings, 'maxAttempts' | 'timeoutMs'>,
): WebhookSettings | string | undefined {
  if (!url && !secret) return undefined;
  if (!url) return 'PTFX_WEBHOOK_SECRET is set but PTFX_WEBHOOK_URL is not; set both or neither';
  if (!secret)
    return 'PTFX_WEBHOOK_URL is set but PTFX_WEBHOOK_SECRET is not; mint one with `pnpm --filter @ptfx/api admin mint-webhook-secret` and give the same value to the receiver';
  const parsed = parseWebhookUrl(url);
  if (typeof parsed === 'string') return parsed;
  const secretProblem = validateWebhookSecret(secret);
  if (secretProblem) return secretProblem;
  return { url: parsed.href, secret, ...tuning };
}
