// The booking form without JavaScript: application/x-www-form-urlencoded to the intake route,
// 303 to the thank-you page, or the booking page again with the input kept and the problems.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { StoreUnavailableError } from '@ptfx/intake';
import { FIELD, fieldErrorId, fieldId, siteContentSecurityPolicy } from '@ptfx/site';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest, TEST_STAFF, type TestApp, wrapStore } from '../test-support/app.js';
import { formFields } from './form-openapi.js';

const open = sampleAppsPerTest();
const FORM = 'application/x-www-form-urlencoded';
const SITE_CSP = siteContentSecurityPolicy({ baseUrl: 'http://api.test', apiUrl: '' });

/** The sample request as the booking form sends it. */
const VALID = formFields(CONSULTATION_REQUEST_EXAMPLE);

function encode(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const text of typeof value === 'string' ? [value] : value) params.append(name, text);
  }
  return params.toString();
}

const postForm = (
  t: TestApp,
  fields: Record<string, string | readonly string[]>,
  headers: Record<string, string> = {},
) =>
  t.app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': FORM, ...headers },
    body: encode(fields),
  });

async function stored(t: TestApp): Promise<{ id: string }[]> {
  const res = await t.app.request('/v1/staff/consultation-requests?limit=100', {
    headers: { Authorization: TEST_STAFF.authorization },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items;
}

/** The HTML of the field named `name`: the element with its id, up to the next field. */
function fieldHtml(html: string, name: string): string {
  const at = html.indexOf(`id="${fieldId(name)}"`);
  expect(at, `field ${name}`).toBeGreaterThan(-1);
  return html.slice(at, at + 600);
}

describe('the booking form without JavaScript', () => {
  it('stores a valid form once and answers 303 to the thank-you page', async () => {
    const t = await open();
    expect(VALID['consent.accepted']).toBe('true');
    const res = await postForm(t, VALID);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/booking/thank-you/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('ratelimit-policy')).toBe('"intake";q=1000;w=600');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toBe('');

    const items = await stored(t);
    expect(items).toHaveLength(1);
    const view = await t.app.request(`/v1/staff/consultation-requests/${items[0]?.id}`, {
      headers: { Authorization: TEST_STAFF.authorization },
    });
    // The same request the JSON example makes: the same schema, the same normalising.
    expect(((await view.json()) as { request: unknown }).request).toMatchObject({
      name: { given: 'Ana', family: 'Reyes' },
      contact: { phone: '+16195550142', email: 'ana.reyes@example.com', preferred: 'sms' },
      preferredTimes: [{ days: ['tuesday', 'thursday'], window: 'morning' }],
      consent: { accepted: true, textVersion: '2026-01', channels: ['sms', 'phone'] },
    });
  });

  it('sends the thank-you to PTFX_SITE_URL when the site is elsewhere, whatever the request says', async () => {
    const t = await open({ siteUrl: 'https://www.pteffect.example', corsOrigins: '*' });
    const res = await postForm(t, VALID, {
      Origin: 'https://www.pteffect.example',
      Referer: 'https://evil.example/booking/',
      Host: 'evil.example',
      'X-Forwarded-Host': 'evil.example',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://www.pteffect.example/booking/thank-you/');
  });

  it('keeps an Idempotency-Key when a form sends one: the same form twice is stored once', async () => {
    const t = await open();
    const key = { 'Idempotency-Key': '2f0c9d0e-59d1-4d7c-9a43-0e5b8f0a6c11' };
    expect((await postForm(t, VALID, key)).status).toBe(303);
    expect((await postForm(t, VALID, key)).status).toBe(303);
    expect(await stored(t)).toHaveLength(1);
  });

  it('answers a form that is not valid with 422 and the booking page: the input kept, each problem at its field', async () => {
    const t = await open();
    const { reason: _reason, 'contact.preferred': _preferred, ...rest } = VALID;
    const res = await postForm(t, { ...rest, 'contact.email': 'not an email' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe(SITE_CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    // The visitor's input, as sent.
    expect(fieldHtml(html, FIELD.givenName)).toContain('value="Ana"');
    expect(fieldHtml(html, FIELD.email)).toContain('value="not an email"');
    // Each problem at its field, the field pointing at its message.
    for (const name of [FIELD.reason, FIELD.email, FIELD.preferred]) {
      const field = fieldHtml(html, name);
      expect(field, name).toContain('aria-invalid="true"');
      expect(field, name).toContain(fieldErrorId(name));
      expect(html, name).toContain(`id="${fieldErrorId(name)}"`);
    }
    expect(fieldHtml(html, FIELD.givenName)).not.toContain('aria-invalid');
    expect(html).toContain('id="form-errors"');
    expect(await stored(t)).toHaveLength(0);
  });

  it('escapes what the visitor sent when it shows it again', async () => {
    const t = await open();
    const attack = '<script>alert(1)</script>';
    const res = await postForm(t, {
      ...VALID,
      'name.given': attack,
      reason: `"><img src=x onerror=alert(1)>${attack}`,
      'consent.accepted': '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain(attack);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await stored(t)).toHaveLength(0);
  });

  it('answers a bot that fills the honeypot as it would a person, and stores nothing', async () => {
    const announced: string[] = [];
    const t = await open({
      outbox: {
        announcement: (id) => {
          announced.push(id);
          return { id: `msg_${id.replaceAll('-', '')}`, type: 'test', payload: '{}' };
        },
        wake: () => announced.push('wake'),
      },
    });
    const res = await postForm(t, { ...VALID, [FIELD.honeypot]: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/booking/thank-you/');
    expect(await stored(t)).toHaveLength(0);
    expect(announced).toEqual([]);
  });

  it('never shows the honeypot’s value again', async () => {
    const t = await open();
    const res = await postForm(t, { 'name.given': 'Ana', [FIELD.honeypot]: 'BOT-TEXT-123' });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain('BOT-TEXT-123');
  });

  it('still refuses other media types with 415, and the form’s type on other routes', async () => {
    const t = await open();
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await t.app.request('/v1/consultation-requests', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: encode(VALID),
      });
      expect(res.status, type).toBe(415);
    }
    const lint = await t.app.request('/v1/credential-listings/lint', {
      method: 'POST',
      headers: { 'Content-Type': FORM },
      body: 'listing=PT',
    });
    expect(lint.status).toBe(415);
    expect(await stored(t)).toHaveLength(0);
  });

  it('counts forms in the same rate limit as JSON: the page again with 429 and Retry-After', async () => {
    const t = await open({ intakeRateLimit: { limit: 1, windowMs: 600_000 } });
    expect((await postForm(t, VALID)).status).toBe(303);
    const res = await postForm(t, VALID);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.headers.get('ratelimit')).toMatch(/^"intake";r=0;t=\d+$/);
    const html = await res.text();
    expect(html).toContain('Please wait 10 minutes and send it again');
    expect(fieldHtml(html, FIELD.givenName)).toContain('value="Ana"');
    // The JSON route shares the count.
    const json = await t.app.request('/v1/consultation-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(CONSULTATION_REQUEST_EXAMPLE),
    });
    expect(json.status).toBe(429);
    expect(await stored(t)).toHaveLength(1);
  });

  it('answers a store outage with the page again, 503 and Retry-After, nothing stored', async () => {
    const base = await open();
    const t = await open({
      store: wrapStore(base.store, {
        createRequest: () => Promise.reject(new StoreUnavailableError('disk-full')),
      }),
    });
    const res = await postForm(t, VALID);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const html = await res.text();
    expect(html).toContain('We could not save your request just now');
    expect(html).not.toMatch(/disk|sqlite/i);
    expect(fieldHtml(html, FIELD.familyName)).toContain('value="Reyes"');
    expect(await stored(base)).toHaveLength(0);
  });

  it('answers a body over the limit with the page again and 413', async () => {
    const t = await open({ bodyLimit: 2048 });
    const res = await postForm(t, { ...VALID, reason: 'x'.repeat(3000) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('too long to send');
    expect(await stored(t)).toHaveLength(0);
  });

  it('refuses a malformed Idempotency-Key on a form with 400 and the page', async () => {
    const t = await open();
    const res = await postForm(t, VALID, { 'Idempotency-Key': 'short' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await stored(t)).toHaveLength(0);
  });
});

describe('where a form may come from', () => {
  const listed = {
    corsOrigins: ['https://www.pteffect.example'],
    siteUrl: 'https://www.pteffect.example',
  };

  it('refuses a form another site made a browser post, when CORS names the site’s origins', async () => {
    const t = await open(listed);
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
      // A page with Referrer-Policy: no-referrer makes the browser send Origin: null.
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'null' },
      { Origin: 'https://evil.example' },
    ]) {
      const res = await postForm(t, VALID, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('only be sent from the clinic');
    }
    expect(await stored(t)).toHaveLength(0);
  });

  it('takes a form from the site’s origin, this origin, or a client that is not a browser', async () => {
    const t = await open(listed);
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://www.pteffect.example' },
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' },
      { Origin: 'http://api.test' },
      {},
    ]) {
      const res = await postForm(t, VALID, headers);
      expect(res.status, JSON.stringify(headers)).toBe(303);
      expect(res.headers.get('location')).toBe('https://www.pteffect.example/booking/thank-you/');
    }
    expect(await stored(t)).toHaveLength(4);
  });

  it('takes a form from anywhere when CORS allows every origin, as it does JSON', async () => {
    const t = await open({ corsOrigins: '*' });
    const res = await postForm(t, VALID, {
      'Sec-Fetch-Site': 'cross-site',
      Origin: 'https://other.example',
    });
    expect(res.status).toBe(303);
  });
});

describe('a static site on another origin, with JavaScript', () => {
  const origin = 'https://www.pteffect.example';

  it('lets a listed origin send JSON with an Idempotency-Key, and read what the script needs', async () => {
    const t = await open({ corsOrigins: [origin], siteUrl: origin });
    const preflight = await t.app.request('/v1/consultation-requests', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed.split(',')).toEqual(expect.arrayContaining(['content-type', 'idempotency-key']));
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const key = '"6d1f3a52-0b8e-4c4e-9f0a-3c1b2d4e5f60"';
    const send = () =>
      t.app.request('/v1/consultation-requests', {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(CONSULTATION_REQUEST_EXAMPLE),
      });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe(origin);
    const exposed = (first.headers.get('access-control-expose-headers') ?? '').split(',');
    expect(exposed).toEqual(expect.arrayContaining(['Retry-After', 'Idempotent-Replayed']));
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await stored(t)).toHaveLength(1);
  });

  it('gives an unlisted origin no CORS grant', async () => {
    const t = await open({ corsOrigins: [origin], siteUrl: origin });
    const res = await t.app.request('/v1/consultation-requests', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
