import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The sample clinic's YAML, as committed. */
export const sampleClinicYaml = readFileSync(
  fileURLToPath(new URL('../../sample/clinic.yaml', import.meta.url)),
  'utf8',
);

/** The 1-based line of the first occurrence of `needle` in `text`, after `from` if given. */
export function lineOf(text: string, needle: string, from = ''): number {
  const start = from ? text.indexOf(from) : 0;
  const index = text.indexOf(needle, start);
  if (start < 0 || index < 0) throw new Error(`test setup: "${needle}" not found`);
  return text.slice(0, index).split('\n').length;
}

/** `text` with the first occurrence of `needle` (after `from`, if given) replaced. */
export function replaceOnce(text: string, needle: string, replacement: string, from = ''): string {
  const start = from ? text.indexOf(from) : 0;
  const index = text.indexOf(needle, start);
  if (start < 0 || index < 0) throw new Error(`test setup: "${needle}" not found`);
  return text.slice(0, index) + replacement + text.slice(index + needle.length);
}
