import { describe, expect, it } from 'vitest';
import { sampleApp } from '../test-support/app.js';

const { app } = await sampleApp();
const body = async (res: Response) => JSON.parse(await res.text());
const lint = (value: unknown) =>
  app.request('/v1/credential-listings/lint', {
    method: 'POST',
    body: JSON.stringify(value),
    headers: { 'Content-Type': 'application/json' },
  });
const codes = (result: { issues: { code: string }[] }) => result.issues.map((i) => i.code);

const QRXT = {
  abbreviation: 'QRXT',
  name: 'Quality Rehabilitation Exercise Therapist',
  kind: 'certification',
};

describe('POST /v1/credential-listings/lint with rules and catalog', () => {
  it('a custom credential stops the unknown-credential warning', async () => {
    const plain = await body(await lint({ listing: 'Jane Doe, PT, DPT, QRXT' }));
    expect(codes(plain)).toContain('unknown-credential');
    const res = await lint({ listing: 'Jane Doe, PT, DPT, QRXT', catalog: [QRXT] });
    expect(res.status).toBe(200);
    const configured = await body(res);
    // Known now, and a certification: outside APTA's categories (info), spelled out in the fix.
    expect(codes(configured)).toEqual(
      codes(plain).map((c) => (c === 'unknown-credential' ? 'outside-apta-categories' : c)),
    );
    expect(configured.clean).toBe(true);
    expect(configured.fix).toBe('Jane Doe, PT, DPT, Quality Rehabilitation Exercise Therapist');
  });

  it('rules: { order: "off" } drops the order issues, and a level replaces a severity', async () => {
    const listing = 'Jane Doe, PT, OCS, DPT';
    const plain = await body(await lint({ listing, profile: 'apta-legacy' }));
    expect(codes(plain)).toContain('order');
    const off = await body(
      await lint({ listing, profile: 'apta-legacy', rules: { order: 'off' } }),
    );
    expect(codes(off)).toEqual(codes(plain).filter((c) => c !== 'order'));
    const raised = await body(
      await lint({ listing, profile: 'apta-legacy', rules: { order: 'error' } }),
    );
    expect(raised.issues.find((i: { code: string }) => i.code === 'order')?.severity).toBe('error');
  });

  it('takes the options per request in a batch', async () => {
    const result = await body(
      await lint([
        { listing: 'Jane Doe, PT, QRXT', catalog: [QRXT] },
        { listing: 'Jane Doe, PT, QRXT' },
      ]),
    );
    expect(result.results.map(codes)).toEqual([
      ['outside-apta-categories'],
      ['unknown-credential'],
    ]);
  });

  it.each([
    [
      'an unknown rule, with a did-you-mean',
      { listing: 'PT', rules: { ordr: 'off' } },
      {
        path: 'body.rules.ordr',
        code: 'unknown-rule',
        message: 'unknown rule "ordr"; did you mean "order"?',
      },
    ],
    [
      'invalid-argument, which cannot be set',
      { listing: 'PT', rules: { 'invalid-argument': 'off' } },
      {
        path: 'body.rules.invalid-argument',
        code: 'unknown-rule',
        message: expect.stringMatching(/^"invalid-argument" cannot be set/),
      },
    ],
    ['a bad level', { listing: 'PT', rules: { order: 'warn' } }, { path: 'body.rules.order' }],
    [
      'a custom credential without a name',
      { listing: 'PT', catalog: [{ abbreviation: 'QRXT', kind: 'certification' }] },
      { path: 'body.catalog.0.name' },
    ],
    [
      'a custom credential of a bad kind',
      { listing: 'PT', catalog: [{ ...QRXT, kind: 'diploma' }] },
      { path: 'body.catalog.0.kind' },
    ],
    [
      'a bad renewal',
      { listing: 'PT', catalog: [{ ...QRXT, renewal: { kind: 'years' } }] },
      { path: 'body.catalog.0.renewal.years' },
    ],
    [
      'a repeated abbreviation',
      { listing: 'PT', catalog: [QRXT, { ...QRXT, abbreviation: 'Q.R.X.T.' }] },
      { path: 'body.catalog.1.abbreviation', code: 'duplicate-abbreviation' },
    ],
    [
      'an unknown key in a custom credential',
      { listing: 'PT', catalog: [{ ...QRXT, issuers: 'x' }] },
      { path: 'body.catalog.0' },
    ],
    [
      'a bad value in the second request of a batch',
      [{ listing: 'PT' }, { listing: 'PT', rules: { ordr: 'off' } }],
      { path: 'body.1.rules.ordr', code: 'unknown-rule' },
    ],
  ])('refuses %s: 400 problem+json with the JSON path', async (_name, request, error) => {
    const res = await lint(request);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await body(res);
    expect(problem).toMatchObject({
      type: 'https://ptfx.dev/problems/invalid-request',
      status: 400,
    });
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
  });

  it('documents rules and catalog in the OpenAPI document, with the rule codes', async () => {
    const doc = await body(await app.request('/openapi.json'));
    const request = doc.components.schemas.LintRequest;
    expect(Object.keys(request.properties)).toEqual(expect.arrayContaining(['rules', 'catalog']));
    const rules = doc.components.schemas.RuleLevels;
    expect(Object.keys(rules.properties)).toEqual(
      expect.arrayContaining(['order', 'unknown-credential']),
    );
    expect(rules.additionalProperties).toBe(false);
    expect(doc.components.schemas.CustomCredentials.type).toBe('array');
  });
});
