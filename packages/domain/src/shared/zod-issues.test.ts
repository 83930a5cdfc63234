import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PhoneNumberSchema } from '../contact/phone.js';
import { formatPath } from './issue.js';
import { boundedText } from './schema.js';
import { issuesFromZod } from './zod-issues.js';

const Schema = z.strictObject({
  name: boundedText(10, 'name'),
  zip: z.string().regex(/^\d{5}$/, { error: 'must be a 5-digit ZIP' }),
  tags: z.array(z.string()).min(1).max(2),
  role: z.enum(['PT', 'PTA']),
  count: z.number().int().min(0).max(5),
  phone: PhoneNumberSchema,
  contact: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('phone') }),
    z.strictObject({ kind: z.literal('email') }),
  ]),
});

const judge = (input: unknown) => {
  const result = Schema.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return issuesFromZod(result.error).map(
    (i) => `${formatPath(i.path)} [${i.code}] ${i.message}${i.fix ? ` (fix: ${i.fix})` : ''}`,
  );
};

describe('issuesFromZod', () => {
  it('says what was expected and what came, for each kind of mistake', () => {
    expect(
      judge({
        name: 'A very long name',
        zip: 92101,
        tags: ['a', 'b', 'c'],
        role: 'DPT',
        count: 9,
        phone: '(119) 544-1055',
        contact: { kind: 'fax' },
        extra: true,
      }),
    ).toMatchInlineSnapshot(`
      [
        "name [too-long] is 16 characters long; at most 10 allowed",
        "zip [invalid-type] expected text, got the number 92101; put it in quotes ("92101") so YAML keeps it as written (fix: "92101")",
        "tags [too-many] has 3 items; at most 2 allowed",
        "role [invalid-value] expected one of "PT", "PTA", got the text "DPT"",
        "count [out-of-range] the number 9 is above the maximum 5",
        "phone [invalid-phone] area code 119 cannot start with 0 or 1",
        "contact.kind [invalid-value] expected one of "phone", "email", got the text "fax"",
        "extra [unknown-key] unknown key "extra"; remove it or check its spelling",
      ]
    `);
  });

  it('calls an absent field missing, whatever its type', () => {
    expect(
      judge({ name: '', zip: 'abc', tags: [], count: -1, contact: {} }),
    ).toMatchInlineSnapshot(`
      [
        "name [empty] must not be empty",
        "zip [invalid-format] must be a 5-digit ZIP; got the text "abc"",
        "tags [too-few] needs at least 1 item",
        "role [missing] is required but missing",
        "count [out-of-range] the number -1 is below the minimum 0",
        "phone [missing] is required (string) but missing",
        "contact.kind [invalid-value] expected one of "phone", "email", got nothing",
      ]
    `);
  });

  it('never quotes more than 60 characters of an input', () => {
    const [message] = judge({ role: 'x'.repeat(500) }).filter((m) => m.startsWith('role'));
    expect(message).toContain(`"${'x'.repeat(60)}…"`);
    expect(message).not.toContain('x'.repeat(61));
  });
});
