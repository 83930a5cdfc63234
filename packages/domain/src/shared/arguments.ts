// Checks of what a plain-JavaScript caller passes: a branded or object type protects TypeScript
// callers only. Zod-free and small, so that the pure functions stay light in a browser bundle;
// nothing here runs at import.

/**
 * What a function reads of an object argument, checked structurally (types, and the formats a
 * function relies on), never the whole schema:
 * - `'text'`, `'number'` (finite), `'boolean'`; with `?` (`'text?'`) it may also be absent;
 * - an object shape, `{ field: Shape }` (other fields are not looked at);
 * - `['list', Shape]`, `['optional', Shape]`, `['one of', ...values]`;
 * - `['by', field, { value: Shape }]`: an object whose shape depends on one field (a union);
 * - `['test', expected, predicate]`: anything else, said in `expected`.
 */
export type Shape =
  | Leaf
  | `${Leaf}?`
  | { readonly [field: string]: Shape }
  | readonly ['list', Shape]
  | readonly ['optional', Shape]
  | readonly ['one of', ...string[]]
  | readonly ['by', string, { readonly [tag: string]: Shape }]
  | readonly ['test', string, (value: unknown) => boolean];

type Leaf = 'text' | 'number' | 'boolean';

/** An object argument's shape, what it is called in a message, and how to get a good one. */
export interface ArgumentShape {
  /** The argument as a whole, for a message: `a location (its timeZone and hours)`. */
  readonly what: string;
  /** What the function reads of it. */
  readonly shape: Shape;
  /** How to get a good one: `parse it with parseClinicData or LocationSchema first`. */
  readonly hint: string;
}

const MAX_SHOWN = 60;

/** A short rendering of any value for a message: `42`, `"abc"`, `undefined`, `a list of 3`. */
export function describeArgument(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') {
      const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
      return JSON.stringify(shown);
    }
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'function') return 'a function';
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value))
      return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
    if (value instanceof Date)
      return Number.isNaN(value.getTime()) ? 'an invalid Date' : `a Date (${value.toISOString()})`;
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((k) => JSON.stringify(k));
    return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  } catch {
    return 'a value that cannot be shown';
  }
}

/**
 * The error an exported function throws for an argument that is not of the documented form:
 * `formatPhoneNumber(phone): expected a US phone number …, got 42`.
 *
 * @param call - the function and argument, `formatPhoneNumber(phone)`
 */
export function argumentError(
  call: string,
  expected: string,
  value: unknown,
  hint?: string,
): TypeError {
  return new TypeError(
    `${call}: expected ${expected}, got ${describeArgument(value)}${hint ? `; ${hint}` : ''}`,
  );
}

/** The error for a number outside the range a function accepts. */
export function rangeError(call: string, expected: string, value: unknown): RangeError {
  return new RangeError(`${call}: expected ${expected}, got ${describeArgument(value)}`);
}

/** A plain object (not null, not a list). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `Date` holding a real instant (not `new Date('soon')`). */
export function isInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Throws unless `value` is a `Date` holding a real instant; strings and numbers are refused. */
export function expectInstant(fn: string, arg: string, value: unknown): asserts value is Date {
  if (!isInstant(value)) {
    throw argumentError(
      `${fn}(${arg})`,
      'a valid Date such as new Date("2026-03-09T16:00:00Z")',
      value,
      typeof value === 'string' || typeof value === 'number' ? `pass new Date(${arg})` : undefined,
    );
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (`2026-02-30` is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Throws unless `value` is a real calendar date written `YYYY-MM-DD`. */
export function expectIsoDate(fn: string, arg: string, value: unknown): asserts value is string {
  if (!isIsoDate(value)) throw argumentError(`${fn}(${arg})`, EXPECTED_ISO_DATE, value);
}

/** Throws unless `value` is a string. */
export function expectText(
  fn: string,
  arg: string,
  value: unknown,
  expected = 'text',
): asserts value is string {
  if (typeof value !== 'string') throw argumentError(`${fn}(${arg})`, expected, value);
}

/** Throws a TypeError for a non-number, a RangeError for a number that is not a whole one in range. */
export function expectWholeNumber(
  fn: string,
  arg: string,
  value: unknown,
  min: number,
  max: number,
): asserts value is number {
  const expected = `a whole number from ${min} to ${max}`;
  if (typeof value !== 'number') throw argumentError(`${fn}(${arg})`, expected, value);
  if (!Number.isInteger(value) || value < min || value > max)
    throw rangeError(`${fn}(${arg})`, expected, value);
}

/** Throws unless `value` is one of `values`. */
export function expectOneOf<T extends string>(
  fn: string,
  arg: string,
  value: unknown,
  values: readonly T[],
): asserts value is T {
  if (!values.some((v) => v === value)) throw argumentError(`${fn}(${arg})`, oneOf(values), value);
}

const TIME_ZONE = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;
let knownZones: Map<string, boolean> | undefined;

/**
 * An IANA zone name the engine knows, such as `America/Los_Angeles`; fixed offsets and
 * abbreviations ("PST", "-08:00") are not zones. Answers are remembered.
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !TIME_ZONE.test(value)) return false;
  knownZones ??= new Map();
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(value, known);
  }
  return known;
}

/** Throws unless `value` is an IANA zone name the engine knows. */
export function expectTimeZone(fn: string, arg: string, value: unknown): asserts value is string {
  if (!isTimeZone(value)) throw argumentError(`${fn}(${arg})`, EXPECTED_TIME_ZONE, value);
}

/** What {@link isIsoDate} accepts, for a message. */
export const EXPECTED_ISO_DATE = 'a date "YYYY-MM-DD" such as "2026-03-09"';
/** What {@link isTimeZone} accepts, for a message. */
export const EXPECTED_TIME_ZONE = 'an IANA time zone such as "America/Los_Angeles"';
const oneOf = (values: readonly string[]) =>
  `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

interface Mismatch {
  readonly path: (string | number)[];
  readonly expected: string;
  readonly value: unknown;
}

type LeafName = Leaf | `${Leaf}?`;

function leafMismatch(value: unknown, leaf: LeafName): Mismatch | undefined {
  if (value === undefined && leaf.endsWith('?')) return undefined;
  switch (leaf) {
    case 'text':
    case 'text?':
      return typeof value === 'string' ? undefined : { path: [], expected: 'text', value };
    case 'number':
    case 'number?':
      return Number.isFinite(value) ? undefined : { path: [], expected: 'a finite number', value };
    case 'boolean':
    case 'boolean?':
      return typeof value === 'boolean'
        ? undefined
        : { path: [], expected: 'true or false', value };
    default: {
      const unhandled: never = leaf;
      return unhandled;
    }
  }
}

/** Where `value` first departs from `shape`, or `undefined` when it fits. */
export function shapeMismatch(value: unknown, shape: Shape): Mismatch | undefined {
  if (typeof shape === 'string') return leafMismatch(value, shape);
  if (isTupleShape(shape)) {
    switch (shape[0]) {
      case 'optional':
        return value === undefined ? undefined : shapeMismatch(value, shape[1]);
      case 'one of':
        return shape.some((v, i) => i > 0 && v === value)
          ? undefined
          : { path: [], expected: oneOf(shape.slice(1)), value };
      case 'test':
        return shape[2](value) ? undefined : { path: [], expected: shape[1], value };
      case 'list': {
        if (!Array.isArray(value)) return { path: [], expected: 'a list', value };
        for (let i = 0; i < value.length; i++) {
          const found = shapeMismatch(value[i], shape[1]);
          if (found) return { ...found, path: [i, ...found.path] };
        }
        return undefined;
      }
      case 'by': {
        const [, field, variants] = shape;
        if (!isRecord(value)) return { path: [], expected: 'an object', value };
        const tag = value[field];
        const variant =
          typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
        if (variant === undefined)
          return { path: [field], expected: oneOf(Object.keys(variants)), value: tag };
        return shapeMismatch(value, variant);
      }
      default: {
        const unhandled: never = shape;
        return unhandled;
      }
    }
  }
  if (!isRecord(value)) return { path: [], expected: 'an object', value };
  for (const field in shape) {
    const fieldShape = shape[field];
    const found = fieldShape === undefined ? undefined : shapeMismatch(value[field], fieldShape);
    if (found) return { ...found, path: [field, ...found.path] };
  }
  return undefined;
}

type TupleShape = Extract<Shape, readonly unknown[]>;
function isTupleShape(shape: Shape): shape is TupleShape {
  return Array.isArray(shape);
}

/**
 * Throws a TypeError unless `value` fits the argument's shape:
 * `hoursOn(schedule): schedule.hours.weekly[0].opens: expected a time "HH:MM" …, got "9am"; parse
 * it with …`.
 */
export function expectShape(
  fn: string,
  arg: string,
  value: unknown,
  expected: ArgumentShape,
): void {
  const found = shapeMismatch(value, expected.shape);
  if (!found) return;
  if (found.path.length === 0)
    throw argumentError(`${fn}(${arg})`, expected.what, value, expected.hint);
  const where = found.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
  throw argumentError(`${fn}(${arg}): ${arg}${where}`, found.expected, found.value, expected.hint);
}

/** Throws the TypeError {@link expectShape} throws for `value`; for a value a fast check refused. */
export function refuseArgument(
  fn: string,
  arg: string,
  value: unknown,
  expected: ArgumentShape,
): never {
  expectShape(fn, arg, value, expected);
  throw argumentError(`${fn}(${arg})`, expected.what, value, expected.hint);
}

/** What is wrong with an options argument: where (below `options`), and what, without the place. */
export interface OptionsProblem {
  /** The option, or the part of it, that is wrong; empty when the options are not an object. */
  readonly path: readonly (string | number)[];
  /** What was expected and what came. */
  readonly message: string;
}

/**
 * What is wrong with an options argument, or `undefined`: not an object (`undefined` is no
 * options), a key that is not an option (a misspelt option would otherwise be ignored), or an
 * option whose value does not fit its shape (a required one included).
 */
export function optionsProblem(
  value: unknown,
  options: { readonly [name: string]: Shape },
): OptionsProblem | undefined {
  const given = value === undefined ? {} : value;
  if (!isRecord(given)) {
    return {
      path: [],
      message: `expected an object of options or undefined, got ${describeArgument(value)}`,
    };
  }
  for (const key in given) {
    if (!Object.hasOwn(options, key)) {
      const known = Object.keys(options).join(', ');
      return { path: [key], message: `not an option; the options are ${known}` };
    }
  }
  const found = shapeMismatch(given, options);
  if (!found) return undefined;
  return {
    path: found.path,
    message: `expected ${found.expected}, got ${describeArgument(found.value)}`,
  };
}

/** Throws a TypeError naming the function when {@link optionsProblem} finds one. */
export function expectOptions(
  fn: string,
  value: unknown,
  options: { readonly [name: string]: Shape },
): void {
  const problem = optionsProblem(value, options);
  if (!problem) return;
  const where = problem.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
  throw new TypeError(`${fn}(options): ${where ? `options${where}: ` : ''}${problem.message}`);
}
