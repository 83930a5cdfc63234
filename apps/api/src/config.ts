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
  /** Largest request body, in bytes. */
  readonly bodyLimit: number;
  /** Longest graceful shutdown before connections are cut, in milliseconds. */
  readonly shutdownTimeoutMs: number;
  /** `info` logs a line per request; `silent` logs nothing but errors. */
  readonly logLevel: 'info' | 'silent';
}

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
  PTFX_BODY_LIMIT: whole('PTFX_BODY_LIMIT', 1024, 16 * 1024 * 1024, 1024 * 1024),
  PTFX_SHUTDOWN_TIMEOUT_MS: whole('PTFX_SHUTDOWN_TIMEOUT_MS', 0, 120_000, 10_000),
  PTFX_LOG: z
    .enum(['info', 'silent'], {
      error: (i) => `PTFX_LOG must be info or silent, got "${String(i.input)}"`,
    })
    .optional(),
});

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
  const host = e.HOST ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host,
      ...(e.PTFX_DATA ? { dataFile: e.PTFX_DATA } : {}),
      watch: e.PTFX_WATCH === '1' || e.PTFX_WATCH === 'true',
      corsOrigins: e.PTFX_CORS_ORIGINS,
      baseUrl: (e.PTFX_BASE_URL ?? `http://${urlHost}:${e.PORT}`).replace(/\/+$/, ''),
      bodyLimit: e.PTFX_BODY_LIMIT,
      shutdownTimeoutMs: e.PTFX_SHUTDOWN_TIMEOUT_MS,
      logLevel: e.PTFX_LOG ?? 'info',
    },
  };
}
