import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContactChannelKind,
  ContactChannelSchema,
  ContactChannelsSchema,
  type ContactPurpose,
  ContactPurposeSchema,
} from './contact-channel.js';
import { EmailAddressSchema } from './email.js';
import { findContactChannel } from './find-contact-channel.js';
import { WebsiteUrlSchema } from './website.js';

const URL_MESSAGE =
  'must be an https:// address with a domain name, like "https://www.example.com/"';
const EMAIL_MESSAGE = 'must be an email address like "front-desk@example.com"';

function issuesOf(result: { success: true } | { success: false; error: { issues: unknown[] } }) {
  return result.success ? [] : result.error.issues;
}

describe('WebsiteUrlSchema', () => {
  it.each([
    'https://www.example.com/',
    'https://example.com',
    'https://book.example.com/online?clinic=san-diego#top',
    'https://sub-domain.example.co.uk/path/to/page',
    'https://example.com:8443/',
    'https://xn--bcher-kva.example/',
    'HTTPS://Example.COM/Book',
  ])('accepts %j as written', (url) => {
    expect(WebsiteUrlSchema.safeParse(url)).toEqual({ success: true, data: url });
  });

  it('trims surrounding whitespace', () => {
    expect(WebsiteUrlSchema.parse('  https://example.com/  ')).toBe('https://example.com/');
  });

  it.each([
    ['http', 'http://www.example.com/'],
    ['upper-case http', 'HTTP://www.example.com/'],
    ['ftp', 'ftp://example.com/file'],
    ['javascript', 'javascript:alert(1)'],
    ['mixed-case javascript', 'JavaScript:alert(document.cookie)'],
    ['javascript disguised with a domain', 'javascript://example.com/%0Aalert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['mailto', 'mailto:front-desk@example.com'],
    ['tel', 'tel:+16195441055'],
    ['wss', 'wss://example.com/'],
    ['no scheme', 'www.example.com'],
    ['protocol-relative', '//example.com/'],
    ['a path', '/book'],
    ['localhost', 'https://localhost/'],
    ['an IPv4 address', 'https://127.0.0.1/'],
    ['an IPv6 address', 'https://[::1]/'],
    ['a single-label host', 'https://intranet/'],
    ['an underscore in the host', 'https://exa_mple.com/'],
    ['a space in the host', 'https://exa mple.com/'],
    ['no host', 'https://'],
    ['empty', ''],
  ])('rejects %s: %j', (_why, url) => {
    const issues = issuesOf(WebsiteUrlSchema.safeParse(url));
    expect(issues).not.toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ message: URL_MESSAGE }));
  });

  // zod's own \"//\" check is off with a custom protocol; ours must hold.
  it.each(['https:example.com', 'https:/example.com'])(
    'rejects %j, which lacks the "//" of an https:// address',
    (url) => {
      expect(WebsiteUrlSchema.safeParse(url).success).toBe(false);
    },
  );

  it('accepts 2048 characters and rejects 2049', () => {
    const base = 'https://example.com/';
    expect(WebsiteUrlSchema.safeParse(base + 'a'.repeat(2048 - base.length)).success).toBe(true);
    const tooLong = issuesOf(WebsiteUrlSchema.safeParse(base + 'a'.repeat(2049 - base.length)));
    expect(tooLong).toEqual([expect.objectContaining({ code: 'too_big', maximum: 2048 })]);
  });

  it('rejects every http:// URL that an https:// one would pass', () => {
    const path = fc.stringMatching(/^[a-z0-9/_-]{0,20}$/);
    const host = fc.stringMatching(/^[a-z][a-z0-9]{0,10}\.(com|org|net|health)$/);
    fc.assert(
      fc.property(host, path, (domain, rest) => {
        expect(WebsiteUrlSchema.safeParse(`https://${domain}/${rest}`).success).toBe(true);
        expect(WebsiteUrlSchema.safeParse(`http://${domain}/${rest}`).success).toBe(false);
      }),
    );
  });
});

describe('EmailAddressSchema', () => {
  it.each([
    'front-desk@example.com',
    'first.last+tag@sub.example.co',
    "o'brien@example.com",
    'x_y@example.org',
    'FRONT.DESK@EXAMPLE.COM',
    '1234@example.health',
  ])('accepts %j as written', (email) => {
    expect(EmailAddressSchema.safeParse(email)).toEqual({ success: true, data: email });
  });

  it.each([
    ['empty', ''],
    ['no @', 'front-desk'],
    ['no local part', '@example.com'],
    ['no domain', 'front-desk@'],
    ['a single-label domain', 'front-desk@localhost'],
    ['a one-letter top-level domain', 'a@b.c'],
    ['two @', 'two@@example.com'],
    ['two addresses', 'a@example.com,b@example.com'],
    ['consecutive dots', 'a..b@example.com'],
    ['a leading dot', '.a@example.com'],
    ['a trailing dot in the local part', 'a.@example.com'],
    ['an empty domain label', 'a@example..com'],
    ['a domain label starting with a hyphen', 'a@-example.com'],
    ['a space', 'front desk@example.com'],
    ['surrounding spaces', ' front-desk@example.com '],
    ['a display name', 'Front Desk <front-desk@example.com>'],
    ['a mailto: link', 'mailto:front-desk@example.com'],
    ['an IP-address domain', 'a@127.0.0.1'],
  ])('rejects %s: %j', (_why, email) => {
    expect(issuesOf(EmailAddressSchema.safeParse(email))).toEqual([
      expect.objectContaining({ code: 'invalid_format', message: EMAIL_MESSAGE }),
    ]);
  });

  it('accepts 254 characters and rejects 255', () => {
    const at254 = `a@${'b'.repeat(248)}.com`;
    expect(at254).toHaveLength(254);
    expect(EmailAddressSchema.safeParse(at254).success).toBe(true);
    const at255 = `a@${'b'.repeat(249)}.com`;
    expect(issuesOf(EmailAddressSchema.safeParse(at255))).toEqual([
      expect.objectContaining({ code: 'too_big', maximum: 254 }),
    ]);
  });
});

describe('ContactPurposeSchema', () => {
  it.each(['general', 'appointments', 'billing', 'referrals', 'records', 'after-hours'])(
    'accepts %j',
    (purpose) => {
      expect(ContactPurposeSchema.safeParse(purpose)).toEqual({ success: true, data: purpose });
    },
  );

  it.each(['General', 'marketing', 'after hours', ''])('rejects %j', (purpose) => {
    expect(ContactPurposeSchema.safeParse(purpose).success).toBe(false);
  });
});

describe('ContactChannelSchema', () => {
  it.each([
    [
      { kind: 'phone', value: '(619) 544-1055', purposes: ['general', 'appointments'] },
      { kind: 'phone', value: '+16195441055', purposes: ['general', 'appointments'] },
    ],
    [
      { kind: 'fax', value: '619.544.1056', purposes: ['referrals'], label: 'Referral fax' },
      { kind: 'fax', value: '+16195441056', purposes: ['referrals'], label: 'Referral fax' },
    ],
    [
      { kind: 'sms', value: '+1 619 544 1057 ext. 2', purposes: ['after-hours'] },
      { kind: 'sms', value: '+16195441057;ext=2', purposes: ['after-hours'] },
    ],
    [
      { kind: 'email', value: 'billing@example.com', purposes: ['billing', 'records'] },
      { kind: 'email', value: 'billing@example.com', purposes: ['billing', 'records'] },
    ],
    [
      { kind: 'web', value: 'https://book.example.com/', purposes: ['appointments'] },
      { kind: 'web', value: 'https://book.example.com/', purposes: ['appointments'] },
    ],
    [
      { kind: 'phone', value: '6195441055', purposes: ['general'], label: '  Front desk  ' },
      { kind: 'phone', value: '+16195441055', purposes: ['general'], label: 'Front desk' },
    ],
  ])('parses %j', (input, expected) => {
    expect(ContactChannelSchema.parse(input)).toStrictEqual(expected);
  });

  it.each([
    [
      'an unknown kind',
      { kind: 'pager', value: 'x', purposes: ['general'] },
      'invalid_union',
      ['kind'],
    ],
    ['no kind', { value: '(619) 544-1055', purposes: ['general'] }, 'invalid_union', ['kind']],
    [
      'an upper-case kind',
      { kind: 'Phone', value: '6195441055', purposes: ['general'] },
      'invalid_union',
      ['kind'],
    ],
    [
      'http web',
      { kind: 'web', value: 'http://example.com/', purposes: ['general'] },
      'invalid_format',
      ['value'],
    ],
    [
      'ftp web',
      { kind: 'web', value: 'ftp://example.com/', purposes: ['general'] },
      'invalid_format',
      ['value'],
    ],
    [
      'javascript web',
      { kind: 'web', value: 'javascript:alert(1)', purposes: ['general'] },
      'invalid_format',
      ['value'],
    ],
    [
      'a phone number as email',
      { kind: 'email', value: '(619) 544-1055', purposes: ['general'] },
      'invalid_format',
      ['value'],
    ],
    [
      'an email as phone',
      { kind: 'phone', value: 'a@example.com', purposes: ['general'] },
      'custom',
      ['value'],
    ],
    [
      'a URL as fax',
      { kind: 'fax', value: 'https://example.com/', purposes: ['general'] },
      'custom',
      ['value'],
    ],
    [
      'an email as web',
      { kind: 'web', value: 'a@example.com', purposes: ['general'] },
      'invalid_format',
      ['value'],
    ],
    [
      'an N11 sms number',
      { kind: 'sms', value: '(619) 411-1055', purposes: ['general'] },
      'custom',
      ['value'],
    ],
    ['no value', { kind: 'phone', purposes: ['general'] }, 'invalid_type', ['value']],
    [
      'empty purposes',
      { kind: 'phone', value: '6195441055', purposes: [] },
      'too_small',
      ['purposes'],
    ],
    ['no purposes', { kind: 'phone', value: '6195441055' }, 'invalid_type', ['purposes']],
    [
      'a purpose string',
      { kind: 'phone', value: '6195441055', purposes: 'general' },
      'invalid_type',
      ['purposes'],
    ],
    [
      'an unknown purpose',
      { kind: 'phone', value: '6195441055', purposes: ['marketing'] },
      'invalid_value',
      ['purposes', 0],
    ],
    [
      'an empty label',
      { kind: 'email', value: 'a@example.com', purposes: ['general'], label: '' },
      'too_small',
      ['label'],
    ],
    [
      'a blank label',
      { kind: 'email', value: 'a@example.com', purposes: ['general'], label: ' ' },
      'too_small',
      ['label'],
    ],
    [
      'a 61-character label',
      { kind: 'email', value: 'a@example.com', purposes: ['general'], label: 'l'.repeat(61) },
      'too_big',
      ['label'],
    ],
    [
      'an unknown key',
      { kind: 'phone', value: '6195441055', purposes: ['general'], extension: '2' },
      'unrecognized_keys',
      [],
    ],
  ])('rejects %s', (_why, input, code, path) => {
    const issues = issuesOf(ContactChannelSchema.safeParse(input));
    expect(issues).toContainEqual(expect.objectContaining({ code, path }));
    for (const issue of issues) expect(issue).toMatchObject({ path });
  });

  it('reports an invalid phone with the invalid-phone code at value', () => {
    const input = { kind: 'phone', value: '(119) 544-1055', purposes: ['general'] };
    expect(issuesOf(ContactChannelSchema.safeParse(input))).toEqual([
      expect.objectContaining({ path: ['value'], params: { code: 'invalid-phone' } }),
    ]);
  });

  it('accepts a 60-character label', () => {
    const input = { kind: 'web', value: 'https://example.com/', purposes: ['general'] };
    expect(ContactChannelSchema.parse({ ...input, label: 'l'.repeat(60) }).label).toHaveLength(60);
  });

  it('accepts all six purposes and rejects a seventh', () => {
    const all = ['general', 'appointments', 'billing', 'referrals', 'records', 'after-hours'];
    const channel = { kind: 'phone', value: '6195441055' };
    expect(ContactChannelSchema.parse({ ...channel, purposes: all }).purposes).toEqual(all);
    expect(
      issuesOf(ContactChannelSchema.safeParse({ ...channel, purposes: [...all, 'general'] })),
    ).toEqual([expect.objectContaining({ code: 'too_big', path: ['purposes'] })]);
  });

  it.each(['a string', null, 42, []])('rejects the non-object %j', (input) => {
    expect(issuesOf(ContactChannelSchema.safeParse(input))).toEqual([
      expect.objectContaining({ code: 'invalid_type', path: [] }),
    ]);
  });
});

describe('ContactChannelsSchema', () => {
  const channel = { kind: 'phone', value: '(619) 544-1055', purposes: ['general'] };

  it.each([
    [0, false],
    [1, true],
    [20, true],
    [21, false],
  ])('with %i channels, success is %s', (count, ok) => {
    expect(
      ContactChannelsSchema.safeParse(Array.from({ length: count }, () => channel)).success,
    ).toBe(ok);
  });

  it('reports a bad channel at its index', () => {
    const bad = { kind: 'web', value: 'http://example.com/', purposes: ['general'] };
    expect(issuesOf(ContactChannelsSchema.safeParse([channel, bad]))).toEqual([
      expect.objectContaining({ path: [1, 'value'] }),
    ]);
  });
});

describe('findContactChannel', () => {
  const channels = ContactChannelsSchema.parse([
    { kind: 'phone', value: '(619) 544-1055', purposes: ['general', 'appointments'] },
    { kind: 'fax', value: '(619) 544-1056', purposes: ['referrals', 'records'] },
    { kind: 'fax', value: '(619) 544-1057', purposes: ['general'] },
    { kind: 'phone', value: '(619) 544-1058', purposes: ['billing'] },
    { kind: 'email', value: 'front-desk@example.com', purposes: ['general'] },
    { kind: 'email', value: 'billing@example.com', purposes: ['billing'] },
    { kind: 'web', value: 'https://book.example.com/', purposes: ['appointments'] },
    { kind: 'phone', value: '(619) 544-1059', purposes: ['after-hours'] },
    { kind: 'phone', value: '(619) 544-1060', purposes: ['after-hours', 'general'] },
  ]);

  const cases: ReadonlyArray<[ContactChannelKind, ContactPurpose, number | undefined, string]> = [
    ['phone', 'appointments', 0, 'the channel of that kind with the purpose'],
    ['phone', 'general', 0, 'the first general channel'],
    ['phone', 'billing', 3, 'a purpose match over an earlier general channel'],
    ['phone', 'after-hours', 7, 'the first of several purpose matches'],
    ['phone', 'records', 0, 'the general fallback'],
    ['phone', 'referrals', 0, 'the general fallback'],
    ['fax', 'referrals', 1, 'the channel of that kind with the purpose'],
    ['fax', 'records', 1, 'the channel of that kind with the purpose'],
    ['fax', 'general', 2, 'the general channel, not an earlier fax without general'],
    ['fax', 'billing', 2, 'the general fallback'],
    ['fax', 'appointments', 2, 'the fax fallback, not the phone that has appointments'],
    ['email', 'billing', 5, 'a purpose match over an earlier general channel'],
    ['email', 'records', 4, 'the general fallback'],
    ['web', 'appointments', 6, 'the only web channel'],
    ['web', 'general', undefined, 'nothing: no web channel is general'],
    ['web', 'billing', undefined, 'nothing: no match and no general fallback'],
    ['sms', 'general', undefined, 'nothing: no channel of that kind'],
    ['sms', 'appointments', undefined, 'nothing: other kinds do not count'],
  ];

  it.each(cases)('findContactChannel(%s, %s) is channel %s: %s', (kind, purpose, index, _why) => {
    const expected = index === undefined ? undefined : channels[index];
    expect(findContactChannel(channels, kind, purpose)).toBe(expected);
  });

  const defaults: ReadonlyArray<[ContactChannelKind, number]> = [
    ['phone', 0],
    ['fax', 2],
    ['email', 4],
  ];

  it.each(defaults)('looks for a general %s channel when no purpose is given', (kind, index) => {
    expect(findContactChannel(channels, kind)).toBe(channels[index]);
  });

  it('finds nothing in an empty list', () => {
    expect(findContactChannel([], 'phone', 'general')).toBeUndefined();
  });

  it('returns a channel of the requested kind with a usable value', () => {
    expect(findContactChannel(channels, 'fax', 'referrals')?.value).toBe('+16195441056');
    expect(findContactChannel(channels, 'email', 'billing')?.value).toBe('billing@example.com');
  });

  it('only ever returns a channel of the requested kind that serves the purpose or general', () => {
    const kinds: readonly ContactChannelKind[] = ['phone', 'fax', 'sms', 'email', 'web'];
    const purposes = ContactPurposeSchema.options;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...purposes), (kind, purpose) => {
        const found = findContactChannel(channels, kind, purpose);
        const ofKind = channels.filter((c) => c.kind === kind);
        if (found === undefined) {
          expect(ofKind.some((c) => c.purposes.includes(purpose))).toBe(false);
          expect(ofKind.some((c) => c.purposes.includes('general'))).toBe(false);
        } else {
          expect(found.kind).toBe(kind);
          const direct = ofKind.find((c) => c.purposes.includes(purpose));
          expect(found).toBe(direct ?? ofKind.find((c) => c.purposes.includes('general')));
        }
      }),
    );
  });
});
