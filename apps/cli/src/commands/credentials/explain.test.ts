import { CREDENTIAL_RULES } from '@ptfx/domain/credentials';
import { describe, expect, it } from 'vitest';
import { main } from '../../main.js';
import { memoryIo } from '../../test-support/memory-io.js';

const run = async (args: string[]) => {
  const io = memoryIo({ env: { NO_COLOR: '1' } });
  const code = await main(['credentials', 'explain', ...args], io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe('ptfx credentials explain CODE', () => {
  it('lists every rule, one line each, without a code', async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    for (const { meta } of CREDENTIAL_RULES) {
      const line = lines.find((l) => l.startsWith(`${meta.code} `));
      expect(line, meta.code).toBeDefined();
      expect(line).toContain(meta.severity);
      expect(line).toContain(meta.description);
    }
    expect(result.stdout).toContain('`ptfx credentials explain CODE`');
  });

  it('lists them as NDJSON with --json', async () => {
    const result = await run(['--json']);
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.code)).toEqual(CREDENTIAL_RULES.map((r) => r.meta.code));
    expect(rows[0]).toEqual({
      code: 'invalid-argument',
      severity: 'error',
      description: CREDENTIAL_RULES[0]?.meta.description,
      url: CREDENTIAL_RULES[0]?.meta.source.url,
    });
  });

  it('explains a rule: description, default severity, source and link, examples with what they yield', async () => {
    const result = await run(['missing-designation']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "missing-designation (lint rule)
        No PT or PTA: the regulatory designation is the only mandatory one (an error where the state requires it, e.g. TX and NY).
        Default   warning
        Source    APTA, Appropriate Use of Designations (HOD RC 4-16, 2016); the state's act where it requires the designation (see the state table)
                  https://apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations
        Fails
          "Jane Doe, DPT"
            → warning no PT: the regulatory designation is the one mandatory credential
              fix: Jane Doe, PT, DPT
          "Jane Doe, DPT" with {"jurisdiction":"TX"}
            → error no PT: the regulatory designation is the one mandatory credential (TX requires it)
              fix: Jane Doe, PT, DPT
          "Maria Lopez, CSCS" with {"role":"PTA"}
            → warning no PTA: the regulatory designation is the one mandatory credential
              fix: Maria Lopez, PTA, Certified Strength and Conditioning Specialist
        Passes
          "Jane Doe, PT, DPT"
            → no missing-designation
          "Jane Doe, SPT"
            → no missing-designation
          "Jane Doe, LPT" with {"jurisdiction":"NJ"}
            → no missing-designation
      "
    `);
  });

  it.each(CREDENTIAL_RULES.map((r) => [r.meta.code, r] as const))(
    'explains %s from its metadata, every example with its result',
    async (code, rule) => {
      const result = await run([code]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(rule.meta.description);
      expect(result.stdout).toContain(rule.meta.source.url);
      const json = JSON.parse((await run([code, '--json'])).stdout);
      expect(json.code).toBe(code);
      expect(json.source).toEqual(rule.meta.source);
      // A failing example yields the code; a passing one does not.
      expect(json.examples.fails).toHaveLength(rule.meta.examples.fails.length);
      for (const example of json.examples.fails) expect(example.issues.length).toBeGreaterThan(0);
      for (const example of json.examples.passes) expect(example.issues).toEqual([]);
    },
  );

  it('says when a code is not a rule, with the one it probably meant', async () => {
    const result = await run(['missing-pt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ptfx: "missing-pt" is not a lint rule; did you mean "missing-designation"?; `ptfx credentials explain` lists them\n',
    );
  });

  it('reads a lower-case word near a rule as a misspelt rule, and one near a credential as that', async () => {
    const rule = await run(['ordr']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toBe(
      'ptfx: "ordr" is not a lint rule; did you mean "order"?; `ptfx credentials explain` lists them\n',
    );
    const credential = await run(['dpt']);
    expect(credential.code).toBe(2);
    expect(credential.stderr).toContain('did you mean "DPT"?');
  });

  it('still explains a credential by its abbreviation', async () => {
    const result = await run(['DPT']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Doctor of Physical Therapy');
    expect((await run(['DPT', 'PT'])).code).toBe(2);
  });
});
