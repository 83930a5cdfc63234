import { describe, expect, it } from 'vitest';
import { CREDENTIAL_LINT_RULES } from '../credentials/lint-rules.js';
import type { Issue } from '../shared/issue.js';
import { MAX_PTFX_CONFIG_LENGTH, parsePtfxConfig } from './ptfx-config.js';
import { configurableRuleCodes, ptfxConfigSchema } from './ptfx-config-schema.js';

const COMPLETE = `{
  "$schema": "./node_modules/@ptfx/domain/schema/ptfx.config.schema.json",
  "rules": {
    "order": "off",
    "unknown-credential": "error",
    "outside-apta-categories": "warning"
  },
  "catalog": [
    {
      "abbreviation": "CFMT",
      "name": "Certified Functional Manual Therapist",
      "kind": "certification",
      "issuer": "Institute of Physical Art",
      "renewal": { "kind": "unknown" },
      "aliases": ["C.F.M.T"],
      "longForms": ["Functional Manual Therapist"],
      "source": "https://www.instituteofphysicalart.com/"
    },
    { "abbreviation": "CKTP", "name": "Certified Kinesio Taping Practitioner", "kind": "certification",
      "renewal": { "kind": "fixed-cycle", "years": 3, "anchorYear": 2026 } }
  ],
  "profile": "apta-legacy",
  "state": "CA",
  "role": "PT"
}
`;

/** The one issue of a text that has one mistake. */
function only(text: string): Issue {
  const read = parsePtfxConfig(text, { file: 'ptfx.config.json' });
  expect(read.ok).toBe(false);
  expect(read.issues).toHaveLength(1);
  return read.issues[0] as Issue;
}

describe('parsePtfxConfig: a good file', () => {
  it('reads every key', () => {
    const read = parsePtfxConfig(COMPLETE);
    expect(read.issues).toEqual([]);
    expect(read.value).toMatchObject({
      rules: { order: 'off', 'unknown-credential': 'error', 'outside-apta-categories': 'warning' },
      profile: 'apta-legacy',
      state: 'CA',
      role: 'PT',
    });
    expect(read.value?.catalog?.map((c) => c.abbreviation)).toEqual(['CFMT', 'CKTP']);
    expect(read.value?.catalog?.[1]?.renewal).toEqual({
      kind: 'fixed-cycle',
      years: 3,
      anchorYear: 2026,
    });
  });

  it('reads {} as the defaults, and forgives an editor’s byte order mark', () => {
    expect(parsePtfxConfig('{}')).toEqual({ ok: true, value: {}, issues: [] });
    expect(parsePtfxConfig('\ufeff{ "state": "TX" }').value).toEqual({ state: 'TX' });
    expect(parsePtfxConfig('\ufeff{ "state": "tx" }').issues[0]?.position).toEqual({
      line: 1,
      column: 12,
    });
  });

  it('lets every configurable rule be set to every level', () => {
    for (const level of ['off', 'info', 'warning', 'error'])
      for (const code of configurableRuleCodes())
        expect(
          parsePtfxConfig(JSON.stringify({ rules: { [code]: level } })).ok,
          `${code} ${level}`,
        ).toBe(true);
  });

  it('knows every rule of the linter but invalid-argument', () => {
    expect(configurableRuleCodes().sort()).toEqual(
      Object.keys(CREDENTIAL_LINT_RULES)
        .filter((c) => c !== 'invalid-argument')
        .sort(),
    );
  });
});

describe('parsePtfxConfig: every kind of mistake, with its line, column and what to do', () => {
  it('malformed JSON: a trailing comma', () => {
    const found = only('{\n  "rules": { "order": "off", }\n}');
    expect(found).toMatchObject({
      code: 'syntax-error',
      path: [],
      position: { line: 2, column: 30 },
    });
    expect(found.message).toMatch(
      /^malformed JSON: expected a double-quoted key.*no trailing commas/,
    );
  });

  it('malformed JSON: a comment', () => {
    expect(only('{\n  // mine\n  "state": "CA"\n}')).toMatchObject({
      code: 'syntax-error',
      position: { line: 2, column: 3 },
    });
  });

  it('an empty file, and something other than an object', () => {
    expect(only('  \n')).toMatchObject({ code: 'empty', position: { line: 1, column: 1 } });
    expect(only('  \n').message).toMatch(
      /ptfx\.config\.json is empty; write \{\} for the defaults/,
    );
    expect(only('["order"]')).toMatchObject({
      code: 'invalid-type',
      path: [],
      position: { line: 1, column: 1 },
    });
    expect(only('null').message).toMatch(/expected a JSON object .*got null/);
  });

  it('a key given twice', () => {
    expect(only('{\n  "state": "CA",\n  "state": "TX"\n}')).toMatchObject({
      code: 'duplicate-key',
      position: { line: 3, column: 3 },
    });
  });

  it('an unknown key, with a did-you-mean', () => {
    const found = only('{\n  "rule": { "order": "off" }\n}');
    expect(found).toMatchObject({
      code: 'unknown-key',
      path: ['rule'],
      position: { line: 2, column: 3 },
      fix: 'rules',
    });
    expect(found.message).toBe(
      'unknown key "rule" (a ptfx configuration has "$schema", "rules", "catalog", "profile", "state" and "role"); did you mean "rules"?',
    );
    expect(only('{ "jurisdiction": "CA" }').message).toMatch(/; remove it$/);
    expect(only('{ "Profile": "apta-2016" }').fix).toBe('profile');
  });

  it('an unknown rule code, with a did-you-mean', () => {
    const found = only('{\n  "rules": {\n    "ordr": "off"\n  }\n}');
    expect(found).toMatchObject({
      code: 'unknown-rule',
      path: ['rules', 'ordr'],
      position: { line: 3, column: 5 },
      fix: 'order',
    });
    expect(found.message).toMatch(
      /^unknown rule "ordr" \(`ptfx credentials explain` lists the rules.*\); did you mean "order"\?$/,
    );
    expect(only('{ "rules": { "unknown-credentials": "off" } }').fix).toBe('unknown-credential');
    expect(only('{ "rules": { "no-such-thing": "off" } }').message).toMatch(/; remove it$/);
  });

  it('invalid-argument, which cannot be configured', () => {
    expect(only('{ "rules": { "invalid-argument": "off" } }')).toMatchObject({
      code: 'unknown-rule',
      message: expect.stringMatching(/"invalid-argument" cannot be set/),
    });
  });

  it.each([
    ['"warn"', 'warning'],
    ['"Error"', 'error'],
    ['0', 'off'],
    ['1', 'warning'],
    ['2', 'error'],
    ['false', 'off'],
    ['"infos"', 'info'],
  ])('a bad level %s, with what it probably meant (%s)', (level, meant) => {
    const found = only(`{ "rules": {\n  "order": ${level} } }`);
    expect(found).toMatchObject({
      code: 'invalid-level',
      path: ['rules', 'order'],
      position: { line: 2, column: 12 },
      fix: meant,
    });
    expect(found.message).toMatch(
      /^expected "off", "info", "warning" or "error", got .*; did you mean/,
    );
  });

  it('a level nothing is close to', () => {
    const found = only('{ "rules": { "order": "loud" } }');
    expect(found.message).toBe('expected "off", "info", "warning" or "error", got the text "loud"');
    expect(found.fix).toBeUndefined();
  });

  it('a bad state, with the code it probably meant', () => {
    expect(only('{\n  "state": "ca"\n}')).toMatchObject({
      code: 'unknown-state',
      path: ['state'],
      position: { line: 2, column: 12 },
      message: 'unknown state "ca"; did you mean "CA"?',
      fix: 'CA',
    });
    expect(only('{ "state": "Calif" }').message).toMatch(/use a two-letter USPS code/);
    expect(only('{ "state": 6 }').message).toBe(
      'expected text, got the number 6; put it in quotes ("6")',
    );
  });

  it('a bad profile or role', () => {
    expect(only('{ "profile": "apta2016" }')).toMatchObject({
      code: 'invalid-value',
      path: ['profile'],
      position: { line: 1, column: 14 },
      message:
        'expected "apta-2016" or "apta-legacy", got the text "apta2016"; did you mean "apta-2016"?',
      fix: 'apta-2016',
    });
    expect(only('{ "role": "pta" }')).toMatchObject({ path: ['role'], fix: 'PTA' });
    expect(only('{ "role": "aide" }').message).toBe(
      'expected "PT", "PTA" or "other", got the text "aide"',
    );
  });

  const custom = (fields: string) =>
    `{\n  "catalog": [\n    { "abbreviation": "CFMT", "name": "Certified Functional Manual Therapist", "kind": "certification" },\n    ${fields}\n  ]\n}`;

  it('a custom credential without a name', () => {
    const found = only(custom('{ "abbreviation": "CKTP", "kind": "certification" }'));
    expect(found).toMatchObject({
      code: 'missing',
      path: ['catalog', 1, 'name'],
      position: { line: 4, column: 5 },
    });
    expect(found.message).toBe(
      '"name" is missing: a custom credential needs abbreviation, name and kind',
    );
  });

  it('a custom credential of a kind that is not one', () => {
    expect(
      only(custom('{ "abbreviation": "CKTP", "name": "Kinesio", "kind": "certificate" }')),
    ).toMatchObject({
      code: 'invalid-value',
      path: ['catalog', 1, 'kind'],
      position: { line: 4, column: 58 },
      fix: 'certification',
    });
  });

  it('a custom credential with a misspelt key', () => {
    expect(
      only(
        custom(
          '{ "abbreviation": "CKTP", "name": "Kinesio", "kind": "certification", "issuers": "KTAI" }',
        ),
      ),
    ).toMatchObject({
      code: 'unknown-key',
      path: ['catalog', 1, 'issuers'],
      position: { line: 4, column: 75 },
      fix: 'issuer',
    });
  });

  it('a custom credential with a bad renewal', () => {
    const renewal = (r: string) =>
      only(
        custom(
          `{ "abbreviation": "CKTP", "name": "Kinesio", "kind": "certification", "renewal": ${r} }`,
        ),
      );
    expect(renewal('{ "kind": "yearly" }')).toMatchObject({
      code: 'invalid-value',
      path: ['catalog', 1, 'renewal', 'kind'],
      fix: 'years',
    });
    expect(renewal('{ "kind": "years" }')).toMatchObject({
      code: 'missing',
      path: ['catalog', 1, 'renewal', 'years'],
      message: '"years" is missing: a renewal of kind "years" needs "kind" and "years"',
    });
    expect(renewal('{ "kind": "years", "years": 0 }')).toMatchObject({
      code: 'out-of-range',
      path: ['catalog', 1, 'renewal', 'years'],
    });
    expect(renewal('{ "kind": "years", "years": 2, "anchorYear": 2026 }')).toMatchObject({
      code: 'unknown-key',
      path: ['catalog', 1, 'renewal', 'anchorYear'],
      message:
        'unknown key "anchorYear" (a renewal of kind "years" has "kind" and "years"); remove it',
    });
  });

  it('a custom credential whose abbreviation another already has (dots ignored)', () => {
    const found = only(
      custom('{ "abbreviation": "C.F.M.T.", "name": "Other", "kind": "certification" }'),
    );
    expect(found).toMatchObject({
      code: 'duplicate-abbreviation',
      path: ['catalog', 1, 'abbreviation'],
      position: { line: 4, column: 23 },
    });
    expect(found.message).toMatch(
      /already written by entry 0 \(CFMT\).*give each custom credential its own abbreviation/,
    );
  });

  it('a custom abbreviation with a comma or no letter', () => {
    expect(
      only(custom('{ "abbreviation": "A, B", "name": "x", "kind": "certification" }')).message,
    ).toMatch(/must not hold a comma/);
    expect(
      only(custom('{ "abbreviation": "123", "name": "x", "kind": "certification" }')).message,
    ).toMatch(/must hold a letter/);
  });

  it('reports every mistake at once, in the file’s order of kinds', () => {
    const read = parsePtfxConfig(
      '{ "rules": { "ordr": "off", "order": "warn" }, "state": "XX", "colour": 1 }',
    );
    expect(read.issues.map((i) => i.code).sort()).toEqual(
      ['invalid-level', 'unknown-key', 'unknown-rule', 'unknown-state'].sort(),
    );
    for (const i of read.issues) expect(i.position, i.code).toBeDefined();
  });
});

describe('parsePtfxConfig: its arguments', () => {
  it('never throws on a bad argument', () => {
    expect(parsePtfxConfig(42 as unknown as string).issues[0]?.code).toBe('invalid-argument');
    expect(parsePtfxConfig('{}', { fil: 'x' } as never).issues[0]?.message).toMatch(
      /options\.fil: not an option/,
    );
  });

  it('refuses a text over the limit, naming the file', () => {
    const big = `{"$schema":"${'x'.repeat(MAX_PTFX_CONFIG_LENGTH)}"}`;
    expect(parsePtfxConfig(big, { file: 'conf/ptfx.config.json' }).issues[0]).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/^conf\/ptfx\.config\.json is/),
    });
  });
});

describe('ptfxConfigSchema', () => {
  it('is strict at every level', () => {
    expect(ptfxConfigSchema.safeParse({ extra: 1 }).success).toBe(false);
    expect(ptfxConfigSchema.safeParse({ rules: { nope: 'off' } }).success).toBe(false);
    expect(
      ptfxConfigSchema.safeParse({
        catalog: [{ abbreviation: 'A', name: 'a', kind: 'certification', x: 1 }],
      }).success,
    ).toBe(false);
  });
});
