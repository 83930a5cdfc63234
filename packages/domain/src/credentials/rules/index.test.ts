import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectReadmeSection } from '../../../test/support/readme-section.js';
import { CREDENTIAL_LINT_RULES } from '../lint-rules.js';
import { lintCredentialListing } from '../listing-lint.js';
import { CREDENTIAL_RULES } from './index.js';
import type { CredentialRuleMeta, RuleExample } from './rule.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
/** Files of this folder that are not rules. */
const NOT_RULES = new Set(['rule.ts', 'helpers.ts', 'index.ts']);

/** A table cell: no pipe or line break may break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const MAX_SHOWN = 70;

/** An example as the README shows it: the listing (shortened past 70 characters) and its options. */
function shown(example: RuleExample): string {
  const { listing, options } = example;
  const text =
    listing.length > MAX_SHOWN
      ? `${listing.slice(0, MAX_SHOWN - 1)}… (${listing.length} characters)`
      : listing === ''
        ? '(empty)'
        : listing;
  const given = options === undefined ? '' : ` with \`${JSON.stringify(options)}\``;
  return `\`${cell(text).replace(/`/g, "'")}\`${given}`;
}

/** The README's rule table, generated from {@link CREDENTIAL_RULES}. */
function rulesTable(): string {
  const rows = CREDENTIAL_RULES.map(({ meta }: { meta: CredentialRuleMeta }) => {
    const fails = meta.examples.fails[0];
    const passes = meta.examples.passes[0];
    return `| \`${meta.code}\` | ${meta.severity} | ${cell(meta.description)} | [${cell(meta.source.text)}](${meta.source.url}) | ${fails ? cell(shown(fails)) : '—'} | ${passes ? cell(shown(passes)) : '—'} |`;
  });
  return [
    '',
    '| rule | default | what it says | source | fails | passes |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('CREDENTIAL_RULES', () => {
  it('registers every rule file of this folder, once, under its file name', () => {
    const files = readdirSync(HERE)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RULES.has(f))
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    const codes = CREDENTIAL_RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(files);
  });

  it.each(CREDENTIAL_RULES.map((r) => [r.meta.code, r.meta] as const))(
    '%s: has a kebab-case code, a one-line description, a linked source and examples both ways',
    (_code, meta) => {
      expect(meta.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(meta.severity);
      expect(meta.description).not.toMatch(/\n/);
      expect(meta.description.length).toBeGreaterThan(10);
      expect(meta.description.length).toBeLessThanOrEqual(200);
      expect(meta.source.text.trim()).not.toBe('');
      expect(meta.source.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(meta.examples.fails.length).toBeGreaterThan(0);
      expect(meta.examples.passes.length).toBeGreaterThan(0);
    },
  );

  const examples = CREDENTIAL_RULES.flatMap(({ meta }) => [
    ...meta.examples.fails.map((e: RuleExample) => [meta.code, 'fails', e] as const),
    ...meta.examples.passes.map((e: RuleExample) => [meta.code, 'passes', e] as const),
  ]);

  it.each(examples)('%s %s: %j', (code, way, example) => {
    const result = lintCredentialListing(example.listing, example.options);
    const codes = result.issues.map((i) => i.code);
    if (way === 'fails') expect(codes).toContain(code);
    else expect(codes).not.toContain(code);
  });

  it('is what CREDENTIAL_LINT_RULES describes, code by code', () => {
    expect(Object.keys(CREDENTIAL_LINT_RULES)).toEqual(CREDENTIAL_RULES.map((r) => r.meta.code));
    for (const { meta } of CREDENTIAL_RULES) {
      expect(CREDENTIAL_LINT_RULES[meta.code]).toEqual({
        severity: meta.severity,
        summary: meta.description,
        source: `${meta.source.text}: ${meta.source.url}`,
        url: meta.source.url,
      });
    }
  });

  it('is the rule table in the domain README (UPDATE_DOCS=1 rewrites it)', () => {
    expectReadmeSection(README, 'rules', rulesTable());
  });
});
