import type { z } from 'zod';
import type { Issue, PathSegment } from './issue.js';

const MAX_SHOWN = 60;

/** A short, safe rendering of an input value for a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > MAX_SHOWN
        ? `the text "${value.slice(0, MAX_SHOWN)}…"`
        : `the text "${value}"`;
    case 'number':
    case 'bigint':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function stringParam(params: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = params?.[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns zod's issues into domain issues: a stable kebab-case code and a message that says what
 * was expected and what came, without the path (the caller shows the path).
 * Parse with `{ reportInput: true }` so messages can quote the offending value.
 */
export function issuesFromZod(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const raw of error.issues) {
    const path = toPath(raw.path);
    const base = { severity: 'error' as const, path };
    const shown = describeValue(raw.input);
    // A required enum, literal or union whose key is absent arrives with no input: it is missing.
    if (raw.input === undefined && (raw.code === 'invalid_value' || raw.code === 'invalid_union')) {
      out.push({ ...base, code: 'missing', message: 'is required but missing' });
      continue;
    }
    switch (raw.code) {
      case 'invalid_type': {
        if (raw.input === undefined) {
          out.push({
            ...base,
            code: 'missing',
            message: `is required (${raw.expected}) but missing`,
          });
        } else if (
          raw.expected === 'string' &&
          (typeof raw.input === 'number' || typeof raw.input === 'boolean')
        ) {
          out.push({
            ...base,
            code: 'invalid-type',
            message: `expected text, got ${shown}; put it in quotes ("${String(raw.input)}") so YAML keeps it as written`,
            fix: JSON.stringify(String(raw.input)),
          });
        } else {
          out.push({
            ...base,
            code: 'invalid-type',
            message: `expected ${raw.expected}, got ${shown}`,
          });
        }
        break;
      }
      case 'too_big': {
        const length = lengthOf(raw.input);
        if (raw.origin === 'string') {
          out.push({
            ...base,
            code: 'too-long',
            message: `is ${length ?? 'too many'} characters long; at most ${raw.maximum} allowed`,
          });
        } else if (raw.origin === 'array' || raw.origin === 'set') {
          out.push({
            ...base,
            code: 'too-many',
            message: `has ${length ?? 'too many'} items; at most ${raw.maximum} allowed`,
          });
        } else {
          out.push({
            ...base,
            code: 'out-of-range',
            message: `${shown} is above the maximum ${raw.maximum}`,
          });
        }
        break;
      }
      case 'too_small': {
        if (raw.origin === 'string') {
          out.push(
            raw.minimum === 1
              ? { ...base, code: 'empty', message: 'must not be empty' }
              : {
                  ...base,
                  code: 'too-short',
                  message: `must be at least ${raw.minimum} characters`,
                },
          );
        } else if (raw.origin === 'array' || raw.origin === 'set') {
          out.push({
            ...base,
            code: 'too-few',
            message: `needs at least ${raw.minimum} item${raw.minimum === 1 ? '' : 's'}`,
          });
        } else {
          out.push({
            ...base,
            code: 'out-of-range',
            message: `${shown} is below the minimum ${raw.minimum}`,
          });
        }
        break;
      }
      case 'unrecognized_keys': {
        for (const key of raw.keys) {
          out.push({
            ...base,
            path: [...path, key],
            code: 'unknown-key',
            message: `unknown key "${key}"; remove it or check its spelling`,
          });
        }
        break;
      }
      case 'invalid_value': {
        const options = raw.values.map((v) => JSON.stringify(v)).join(', ');
        out.push({
          ...base,
          code: 'invalid-value',
          message: `expected one of ${options}, got ${shown}`,
        });
        break;
      }
      case 'invalid_union': {
        const options = 'options' in raw && Array.isArray(raw.options) ? raw.options : undefined;
        const discriminator =
          'discriminator' in raw && typeof raw.discriminator === 'string'
            ? raw.discriminator
            : undefined;
        const given = discriminator && isRecord(raw.input) ? raw.input[discriminator] : undefined;
        out.push({
          ...base,
          code: 'invalid-value',
          message:
            discriminator && options
              ? `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${given === undefined ? 'nothing' : describeValue(given)}`
              : `${shown} matches none of the allowed shapes`,
        });
        break;
      }
      case 'custom': {
        const fix = stringParam(raw.params, 'fix');
        out.push({
          ...base,
          code: stringParam(raw.params, 'code') ?? 'invalid-value',
          message: raw.message,
          ...(fix === undefined ? {} : { fix }),
        });
        break;
      }
      case 'invalid_format':
      case 'not_multiple_of':
      case 'invalid_key':
      case 'invalid_element':
        out.push({ ...base, code: 'invalid-format', message: `${raw.message}; got ${shown}` });
        break;
      default: {
        const unhandled: never = raw;
        throw new Error(`unhandled zod issue ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return out;
}
