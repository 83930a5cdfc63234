// The phone-number functions, apart from the schema so that a site importing one of them does not
// bundle zod.
import { argumentError, describeArgument } from '../shared/arguments.js';
import type { PhoneNumber } from './phone.js';

/** Why a text is not a dialable NANP number; `undefined` from {@link parseNanp} means it is one. */
export interface NanpProblem {
  /** Stable code: `invalid-phone`. */
  readonly code: 'invalid-phone';
  /** What is wrong with the number, for people. */
  readonly message: string;
}

// "ext. 2", "extension 2", "x2", "#2", and RFC 3966's ";ext=2" (what the schema stores).
const EXTENSION =
  /(?:;ext=|[ ,;\u00a0]*(?:ext\.?|extension|x\.?|#)[ \u00a0]*)(\d{1,6})[ \u00a0]*$/i;
const ALLOWED = /^[\d ().\-+/\u00a0]*$/;
// The longest spelling read, spaces around it aside (the schema takes 40 characters in all); past
// it the extension pattern would take time that grows with the square of the length.
const MAX_PHONE_LENGTH = 64;

function isN11(code: string): boolean {
  return code[1] === '1' && code[2] === '1';
}

/**
 * Reads a US or other North American phone number written in any common way and returns it in
 * E.164 (with `;ext=` when an extension is given), or a problem saying why it cannot exist under
 * the North American Numbering Plan: an area code or exchange that starts with 0 or 1, or is an
 * N11 service code (211–911). Never throws: a value that is not text, or text over 64 characters
 * (spaces around it aside), is a problem too.
 *
 * @example
 * parseNanp('(619) 544-1055');       // { ok: true, value: '+16195441055' }
 * parseNanp('619-544-1055 ext. 2');  // { ok: true, value: '+16195441055;ext=2' }
 * parseNanp('(119) 544-1055');       // { ok: false, problem: { code: 'invalid-phone', … } }
 */
export function parseNanp(
  text: string,
): { ok: true; value: string } | { ok: false; problem: NanpProblem } {
  const fail = (message: string) => ({
    ok: false as const,
    problem: { code: 'invalid-phone' as const, message },
  });
  if (typeof text !== 'string') {
    return fail(`must be text such as "(619) 544-1055", got ${describeArgument(text)}`);
  }
  let rest = text.trim().replace(/^tel:/i, '');
  if (rest.length > MAX_PHONE_LENGTH) {
    return fail(`is ${rest.length} characters long; a phone number is at most ${MAX_PHONE_LENGTH}`);
  }
  let extension: string | undefined;
  const ext = EXTENSION.exec(rest);
  if (ext?.[1]) {
    extension = ext[1];
    rest = rest.slice(0, ext.index).trim();
  }
  if (rest === '') return fail('is empty; write a 10-digit number such as "(619) 544-1055"');
  if (!ALLOWED.test(rest)) {
    return fail(
      `"${text}" contains characters other than digits, spaces, "()", ".", "-" and "+"; write it like "(619) 544-1055"`,
    );
  }
  if (rest.includes('+') && !/^\+\s*1\b|^\+1/.test(rest)) {
    return fail(`"${text}" is not a North American number (+1); only US numbers are supported`);
  }
  let digits = rest.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) {
    return fail(
      `"${text}" has ${digits.length} digits; a US number has 10 (area code, exchange, line)`,
    );
  }
  const area = digits.slice(0, 3);
  const exchange = digits.slice(3, 6);
  if (area[0] === '0' || area[0] === '1') return fail(`area code ${area} cannot start with 0 or 1`);
  if (isN11(area)) return fail(`area code ${area} is an N11 service code, not an area code`);
  if (exchange[0] === '0' || exchange[0] === '1')
    return fail(`exchange ${exchange} cannot start with 0 or 1`);
  if (isN11(exchange))
    return fail(`exchange ${exchange} is an N11 service code and cannot start a number`);
  const e164 = `+1${digits}`;
  return { ok: true, value: extension ? `${e164};ext=${extension}` : e164 };
}

const EXPECTED_PHONE = 'a US phone number such as "(619) 544-1055" or "+16195441055"';

/** The number in its stored form (E.164, `;ext=`), from any spelling {@link parseNanp} reads. */
function normalise(fn: string, phone: unknown): string {
  const parsed = typeof phone === 'string' ? parseNanp(phone) : undefined;
  if (parsed?.ok) return parsed.value;
  throw argumentError(`${fn}(phone)`, EXPECTED_PHONE, phone, parsed?.problem.message);
}

/**
 * The parts of a number: the E.164 number and the extension, if any. Takes any spelling
 * {@link parseNanp} reads, not only the stored form.
 *
 * @throws {TypeError} when `phone` is not a dialable US number (the message says why)
 * @example
 * splitPhoneNumber('619-544-1055 ext. 2'); // { e164: '+16195441055', extension: '2' }
 */
export function splitPhoneNumber(phone: PhoneNumber | string): {
  e164: string;
  extension?: string;
} {
  const stored = normalise('splitPhoneNumber', phone);
  const [e164 = stored, extension] = stored.split(';ext=');
  return extension === undefined ? { e164 } : { e164, extension };
}

/**
 * Formats a number for display: `(619) 544-1055`, with ` ext. 2` when there is an extension.
 * Takes a stored number or any spelling {@link parseNanp} reads.
 *
 * @throws {TypeError} when `phone` is not a dialable US number (the message says why)
 * @example
 * formatPhoneNumber('+16195441055'); // '(619) 544-1055'
 * formatPhoneNumber('619.544.1055 x2'); // '(619) 544-1055 ext. 2'
 */
export function formatPhoneNumber(phone: PhoneNumber | string): string {
  const stored = normalise('formatPhoneNumber', phone);
  const [e164 = stored, extension] = stored.split(';ext=');
  const d = e164.slice(2);
  const base = `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
  return extension ? `${base} ext. ${extension}` : base;
}

/**
 * The number as an RFC 3966 `tel:` URI, for links, vCard and FHIR: `tel:+16195441055;ext=2`.
 * Takes a stored number or any spelling {@link parseNanp} reads.
 *
 * @throws {TypeError} when `phone` is not a dialable US number (the message says why)
 * @example
 * phoneToTelUri('(619) 544-1055'); // 'tel:+16195441055'
 */
export function phoneToTelUri(phone: PhoneNumber | string): string {
  return `tel:${normalise('phoneToTelUri', phone)}`;
}
