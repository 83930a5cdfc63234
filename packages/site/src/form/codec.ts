import { FIELD, REPEATED_FIELDS } from './fields.js';
import { visitorMessages } from './visitor-messages.js';

/**
 * The most entries a form may send. The booking form has about thirty (seven days, three
 * channels); a form with more is not the site's, and is refused as a whole.
 */
export const MAX_FORM_ENTRIES = 100;
/** The longest field name read; the form's longest is about twenty characters. */
export const MAX_FIELD_NAME_LENGTH = 100;
/**
 * The longest value kept, in UTF-16 units. Longer values are cut to this length: still longer than
 * any field allows (the reason, at 2000, is the longest), so the schema refuses them all the same.
 */
export const MAX_FIELD_VALUE_LENGTH = 10_000;
/** The most problems read from a problem+json `errors` list. */
export const MAX_PROBLEM_ITEMS = 100;

// A key the strict schema refuses: a form that broke the bounds is not sent on as if it had not.
const REFUSED_KEY = 'form-out-of-bounds';
// Array indexes the form uses (preferredTimes.0); bigger ones stay object keys, which the schema refuses.
const INDEX = /^(?:0|[1-9]\d?)$/;
const ACCEPTED = new Set(['true', 'on']);

/** What {@link consultationRequestFromForm} makes of a form. */
export interface DecodedForm {
  /** The request body to validate with `ConsultationRequestSchema`: nested, but not yet checked. */
  readonly request: unknown;
  /** What was sent, by field name in order of first appearance; every value kept, empty ones too. */
  readonly values: Map<string, string[]>;
}

interface Branch {
  /** Values given at this name itself (a leaf). */
  readonly values: string[];
  /** Names below this one (`name` → `given`, `family`). */
  readonly children: Map<string, Branch>;
}

const branch = (): Branch => ({ values: [], children: new Map() });

// Own properties only, so that a name like `__proto__` is a key the schema refuses, not a prototype.
function put(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function leafValue(name: string, values: readonly string[]): unknown {
  if (name === FIELD.consentAccepted && values.length === 1 && ACCEPTED.has(values[0] ?? '')) {
    return true;
  }
  if (REPEATED_FIELDS.includes(name)) return [...values];
  // A name sent twice that should come once: the schema refuses the list rather than pick one.
  return values.length === 1 ? values[0] : [...values];
}

function build(node: Branch, name: string): unknown {
  const keys = [...node.children.keys()];
  const children = keys.map((key) => {
    const child = node.children.get(key) ?? branch();
    return [key, build(child, name === '' ? key : `${name}.${key}`)] as const;
  });
  const present = children.filter(([, value]) => value !== undefined);
  if (node.values.length > 0) {
    const leaf = leafValue(name, node.values);
    if (present.length === 0) return leaf;
    // A name used both as a value and as a group (`name=x&name.given=y`): keep both, under
    // the key '' (refused) beside the group's keys.
    present.unshift(['', leaf]);
  }
  if (present.length === 0) return undefined;
  if (name === 'preferredTimes' && keys.every((key) => INDEX.test(key))) {
    // An entry without days says nothing: the form's row of days and time was left empty.
    const times = present
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, value]) => value)
      .filter((time) => !isRecord(time) || Object.hasOwn(time, 'days'));
    return times.length > 0 ? times : undefined;
  }
  if (present.length > 0 && keys.every((key) => INDEX.test(key))) {
    return present.sort(([a], [b]) => Number(a) - Number(b)).map(([, value]) => value);
  }
  const object: Record<string, unknown> = {};
  for (const [key, value] of present) put(object, key, value);
  return object;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryOf(entry: unknown): readonly [string, string] | undefined {
  if (!Array.isArray(entry) || entry.length !== 2) return undefined;
  const [name, value] = entry;
  return typeof name === 'string' && typeof value === 'string' ? [name, value] : undefined;
}

/**
 * Reads the booking form's fields (`name=value` pairs, as `URLSearchParams` or `FormData` give
 * them) into a consultation request to validate with `ConsultationRequestSchema`, and what was
 * sent, to show the form again with the visitor's input kept.
 *
 * Dotted names become nested objects (`name.given` → `{ name: { given } }`), numeric segments
 * arrays (`preferredTimes.0.days`), {@link REPEATED_FIELDS} arrays of every value; empty values
 * are left out, and groups left empty with them; `consent.accepted` of `true` or `on` (a ticked
 * box) is `true`; a preferred time without days is dropped. Unknown names are kept, so the strict
 * schema refuses them. More than {@link MAX_FORM_ENTRIES} entries, a name longer than
 * {@link MAX_FIELD_NAME_LENGTH} or a value that is not text adds a key the schema refuses. Pure;
 * never throws on what it is given.
 *
 * @example
 * const { request } = consultationRequestFromForm(new URLSearchParams(body));
 * const parsed = ConsultationRequestSchema.safeParse(request);
 */
export function consultationRequestFromForm(
  entries: Iterable<readonly [string, string]>,
): DecodedForm {
  const root = branch();
  const values = new Map<string, string[]>();
  let outOfBounds = false;
  let count = 0;
  try {
    for (const raw of entries) {
      if (++count > MAX_FORM_ENTRIES) {
        outOfBounds = true;
        break;
      }
      const entry = entryOf(raw);
      if (!entry || entry[0].length > MAX_FIELD_NAME_LENGTH) {
        outOfBounds = true;
        continue;
      }
      const [name, full] = entry;
      const value =
        full.length > MAX_FIELD_VALUE_LENGTH ? full.slice(0, MAX_FIELD_VALUE_LENGTH) : full;
      const sent = values.get(name);
      if (sent) sent.push(value);
      else values.set(name, [value]);
      if (value === '') continue;
      let node = root;
      for (const segment of name.split('.')) {
        let next = node.children.get(segment);
        if (!next) {
          next = branch();
          node.children.set(segment, next);
        }
        node = next;
      }
      node.values.push(value);
    }
  } catch {
    // An iterable that fails part-way (not a form's entries): refuse what it gave.
    outOfBounds = true;
  }
  const built = build(root, '');
  const request: Record<string, unknown> = isRecord(built) ? built : {};
  if (outOfBounds) put(request, REFUSED_KEY, true);
  return { request, values };
}

/** One problem of an RFC 9457 `errors` list, as the API sends it. */
export interface ProblemItem {
  /** Where: `body.contact.phone`, `body.consent.channels.0`, `headers.idempotency-key`. */
  readonly path: string;
  /** What is wrong, for a developer. */
  readonly message: string;
}

/**
 * The API's problems (problem+json `errors`) as messages for the visitor by field name, `''` first
 * and then in the order of {@link FIELD} (a page lists them in its own order): `body.contact.phone` → `contact.phone`, its message rewritten for a person ("Enter
 * a phone number we can call or text, like (619) 555-0142"). A problem that names no field the
 * visitor can fix (a hidden field, an unknown one, a header) goes under `''`. A field's messages
 * are distinct. Never throws: items that are not `{ path, message }` count as a problem of the
 * form as a whole.
 *
 * @example
 * formErrorsFromProblem([{ path: 'body.name.given', message: 'Invalid input: expected string, received undefined' }]);
 * // Map { 'name.given' => ['Enter your first name'] }
 */
export function formErrorsFromProblem(items: readonly ProblemItem[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const list = found.get(field);
    if (!list) found.set(field, [message]);
    else if (!list.includes(message)) list.push(message);
  };
  const list: readonly unknown[] = Array.isArray(items) ? items : [];
  for (const item of list.slice(0, MAX_PROBLEM_ITEMS)) {
    const path = isRecord(item) && typeof item.path === 'string' ? item.path : '';
    const message = isRecord(item) && typeof item.message === 'string' ? item.message : '';
    for (const [field, text] of visitorMessages(path, message)) add(field, text);
  }
  const order: readonly string[] = ['', ...Object.values(FIELD)];
  return new Map([...found].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
