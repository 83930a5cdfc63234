// The booking form's body in the OpenAPI document. The route validates JSON with zod and reads the
// form before that (form.ts), so the form's media type is added to the generated document here,
// derived from the JSON body's own schema: the same fields, by their dotted names.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { FIELD, INTAKE_PATH, REPEATED_FIELDS } from '@ptfx/site';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The form's field names, in the form's order. */
const FORM_FIELDS: readonly string[] = Object.values(FIELD);

/** A `#/components/…` reference followed in `doc`, or the node itself. */
function resolve(doc: Json, node: unknown): unknown {
  let at = node;
  for (let depth = 0; isRecord(at) && typeof at.$ref === 'string' && depth < 10; depth++) {
    const ref: string = at.$ref;
    at = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), doc);
  }
  return at;
}

/** What a form field is, as a schema of the text (or texts) it sends. */
function leafSchema(doc: Json, name: string, node: Json): Json {
  const describe = (schema: Json, from: Json) => ({
    ...schema,
    ...(typeof from.description === 'string' ? { description: from.description } : {}),
  });
  const scalar = (from: Json): Json => {
    if (from.type === 'boolean') return { type: 'string', enum: ['true', 'on'] };
    return {
      type: 'string',
      ...(Array.isArray(from.enum) ? { enum: from.enum.map(String) } : {}),
      ...(typeof from.maxLength === 'number' ? { maxLength: from.maxLength } : {}),
    };
  };
  if (REPEATED_FIELDS.includes(name)) {
    const items = resolve(doc, node.items);
    return describe({ type: 'array', items: scalar(isRecord(items) ? items : {}) }, node);
  }
  return describe(scalar(node), node);
}

/**
 * The JSON body's schema flattened to the form's dotted names (`contact.phone`,
 * `preferredTimes.0.days`): each field a string (a checkbox group an array, sent as the name
 * repeated), required where the JSON field and every group above it is.
 */
export function formBodySchema(doc: Json, jsonSchema: unknown): Json {
  const leaves = new Map<string, { schema: Json; required: boolean }>();
  const walk = (raw: unknown, name: string, required: boolean, depth: number) => {
    const node = resolve(doc, raw);
    if (!isRecord(node) || depth > 8) return;
    if (FORM_FIELDS.includes(name)) {
      leaves.set(name, { schema: leafSchema(doc, name, node), required });
      return;
    }
    const needed = Array.isArray(node.required) ? node.required : [];
    if (isRecord(node.properties)) {
      for (const [key, sub] of Object.entries(node.properties)) {
        walk(
          sub,
          name === '' ? key : `${name}.${key}`,
          required && needed.includes(key),
          depth + 1,
        );
      }
    } else if (node.type === 'array') {
      walk(node.items, `${name}.0`, required, depth + 1);
    }
  };
  walk(jsonSchema, '', true, 0);
  const names = FORM_FIELDS.filter((name) => leaves.has(name));
  return {
    type: 'object',
    description:
      'The booking form as a browser posts it without JavaScript: each field of the JSON body by its dotted path, a checkbox group as its name repeated. Success is 303 See Other to the site’s thank-you page; problems are the booking page again (text/html) with the input kept and a message at each field.',
    properties: Object.fromEntries(names.map((name) => [name, leaves.get(name)?.schema ?? {}])),
    required: names.filter((name) => leaves.get(name)?.required),
  };
}

/** A JSON value as the form's fields: dotted names, texts, a checkbox group's values as a list. */
export function formFields(value: unknown, name = ''): Record<string, string | string[]> {
  if (REPEATED_FIELDS.includes(name) && Array.isArray(value)) return { [name]: value.map(String) };
  if (Array.isArray(value)) {
    return Object.assign({}, ...value.map((item, i) => formFields(item, `${name}.${i}`)));
  }
  if (isRecord(value)) {
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, sub]) => formFields(sub, name ? `${name}.${key}` : key)),
    );
  }
  return { [name]: String(value) };
}

/** Adds the form's media type to the intake route's request body in a generated document. */
export function documentFormBody(generated: object): void {
  const doc: unknown = generated;
  if (!isRecord(doc)) return;
  const paths = doc.paths;
  const body = isRecord(paths)
    ? resolve(doc, dig(paths[INTAKE_PATH], 'post', 'requestBody'))
    : undefined;
  if (!isRecord(body) || !isRecord(body.content)) {
    throw new Error(`the OpenAPI document has no request body for POST ${INTAKE_PATH}`);
  }
  const json = body.content['application/json'];
  body.content['application/x-www-form-urlencoded'] = {
    schema: formBodySchema(doc, isRecord(json) ? json.schema : undefined),
    example: formFields(CONSULTATION_REQUEST_EXAMPLE),
  };
}

function dig(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = isRecord(at) ? at[key] : undefined;
  return at;
}
