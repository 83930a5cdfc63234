import type { IsoDate } from '@ptfx/domain';
import type { SiteOptions } from './types.js';

/** Options checked and normalised: no trailing slashes, the base URL's path apart. */
export interface ResolvedOptions {
  /** `https://clinic.example` or `https://example.com/clinic`, no trailing slash. */
  readonly baseUrl: string;
  /** The path part of the base URL (`''` or `/clinic`): every internal link starts with it. */
  readonly basePath: string;
  /** Where the form posts, no trailing slash; `''` for the same origin. */
  readonly apiUrl: string;
  /** Dated exceptions that ended before this date are left out. */
  readonly asOf: IsoDate | undefined;
}

const HTTP_URL = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Checks and normalises {@link SiteOptions}.
 *
 * @throws {TypeError} when `baseUrl` is not an absolute http(s) URL, `apiUrl` not `''` or one,
 * or `asOf` not a date `YYYY-MM-DD`
 */
export function resolveOptions(caller: string, options: SiteOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `${caller}: options must be an object like { baseUrl: "https://clinic.example" }, got ${show(options)}`,
    );
  }
  const baseUrl =
    typeof options.baseUrl === 'string' ? options.baseUrl.replace(/\/+$/, '') : options.baseUrl;
  if (typeof baseUrl !== 'string' || !HTTP_URL.test(baseUrl)) {
    throw new TypeError(
      `${caller}: options.baseUrl must be an absolute http(s) URL such as "https://clinic.example" (PTFX_BASE_URL), got ${show(options.baseUrl)}`,
    );
  }
  const apiUrl =
    typeof options.apiUrl === 'string'
      ? options.apiUrl.replace(/\/+$/, '')
      : (options.apiUrl ?? '');
  if (typeof apiUrl !== 'string' || (apiUrl !== '' && !HTTP_URL.test(apiUrl))) {
    throw new TypeError(
      `${caller}: options.apiUrl must be '' (the API on the site's origin) or an absolute http(s) URL such as "https://api.clinic.example", got ${show(options.apiUrl)}`,
    );
  }
  if (
    options.asOf !== undefined &&
    (typeof options.asOf !== 'string' || !ISO_DATE.test(options.asOf))
  ) {
    throw new TypeError(
      `${caller}: options.asOf must be a date "YYYY-MM-DD", got ${show(options.asOf)}`,
    );
  }
  const basePath = HTTP_URL.exec(baseUrl)?.[1] ?? '';
  return { baseUrl, basePath, apiUrl, asOf: options.asOf };
}
