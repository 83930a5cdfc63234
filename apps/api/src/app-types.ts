import type { OpenAPIHono } from '@hono/zod-openapi';
import type { OutboxInput, Store } from '@ptfx/intake';
import type { ApiConfig } from './config.js';
import type { StaffDirectory } from './http/staff-auth.js';
import type { ClinicSnapshot } from './snapshot.js';

/** One structured log line. Never carries a request body. */
export type LogLine = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where log lines go. */
export interface Logger {
  /** False when `info` drops its lines, so that callers need not build them; true if absent. */
  readonly infoEnabled?: boolean;
  /** A request or lifecycle event. */
  info(line: LogLine): void;
  /** Something went wrong on our side. */
  error(line: LogLine): void;
}

/** What the API needs of the outbox deliverer (server.ts builds it from `@ptfx/intake`). */
export interface ApiOutbox {
  /** The OutboxInput to pass as createRequest's `announce`: PHI-free, a new `msg_…` id. */
  announcement(requestId: string, receivedAt: Date): OutboxInput;
  /** Tells the deliverer a request was just stored, so it sends at once; never throws. */
  wake(): void;
}

/** What the app is built from; tests pass their own. */
export interface ApiDeps {
  /** The clinic data being served; `current()` is read once per request. */
  readonly source: { current(): ClinicSnapshot };
  /** The time, for "open now" and expiry. */
  readonly clock: () => Date;
  /** Request and error log. */
  readonly logger: Logger;
  /** Whether the process takes traffic (false while starting or draining). */
  readonly readiness: { isReady(): boolean };
  /** The configuration the HTTP layer needs. */
  readonly config: Pick<
    ApiConfig,
    'corsOrigins' | 'bodyLimit' | 'baseUrl' | 'siteUrl' | 'trustedProxies' | 'intakeRateLimit'
  >;
  /** Where consultation requests, idempotency keys, rate limits and the audit log are kept. */
  readonly store: Store;
  /** Who may use the staff routes; empty means they answer 503. */
  readonly staff: StaffDirectory;
  /**
   * The transactional outbox, when a webhook is configured (PTFX_WEBHOOK_URL): the announcement
   * written with each new request, and a nudge for the deliverer once it is stored.
   */
  readonly outbox?: ApiOutbox;
  /** New request ids; `crypto.randomUUID` unless a test passes its own. */
  readonly newId?: () => string;
}

/** Per-request values. */
export interface ApiEnv {
  Variables: {
    /** The request id (also in `X-Request-Id`). */
    requestId: string;
    /** The clinic snapshot this request is served from. */
    snapshot: ClinicSnapshot;
    /** Security, CORS and request-id headers every response to this request carries. */
    baseHeaders: Record<string, string>;
    /** The authenticated staff member, on staff routes. */
    staffName: string;
    /** RateLimit headers for the success response, when a rate limit was checked. */
    rateLimitHeaders: Record<string, string>;
    /** What the booking form sent without JavaScript, to show it again if anything goes wrong. */
    formValues: ReadonlyMap<string, readonly string[]>;
  };
}

/** The app's type, before routes are added. */
export type ApiApp = OpenAPIHono<ApiEnv>;
