import { it } from 'vitest';
import { createApp } from './app.js';
import { ClinicSource, loadClinic } from './clinic-source.js';

it('explore', async () => {
  const now = new Date('2026-11-27T18:00:00Z');
  const loaded = await loadClinic({ kind: 'sample' }, 'http://api.test', now);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const source = new ClinicSource(loaded.snapshot, { kind: 'sample' }, 'http://api.test');
  const app = createApp({ source, clock: () => now, logger: { info() {}, error(l) { console.log('ERRLOG', String(l.error).slice(0, 300)); } }, readiness: { isReady: () => true }, config: { corsOrigins: '*', bodyLimit: 1024 * 1024, baseUrl: 'http://api.test' } });
  const show = async (label: string, p: string, init?: RequestInit) => {
    const r = await app.request(p, init);
    const t = await r.text();
    console.log(label, r.status, r.headers.get('content-type'), t.slice(0, 300));
  };
  const body = JSON.stringify({ listing: 'Dr. Jane Doe, PT, DPT' });
  for (const ct of ['application/json; charset', 'application/json ; charset=utf-8', 'application/json;', 'APPLICATION/JSON', 'application/foo_bar+json', 'application/a+b+json', 'application/json; charset=bogus']) {
    await show(ct, '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': ct }, body });
  }
  await show('big nocl', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ listing: 'x'.repeat(2_000_000) }) });
  for (const at of ['2026-11-27T18:00:00.123456789Z', '2026-11-27T18:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-11-27T18:00:00+14:00', '275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2026-11-27T18:00:00.1234567891234Z', '2026-11-27T18:00:00-00:00']) {
    await show(`at=${at}`, `/v1/locations/san-diego/hours?at=${encodeURIComponent(at)}`);
  }
  const locs = await (await app.request('/v1/locations')).json();
  console.log(JSON.stringify(locs).slice(0, 400));
  const arts = await (await app.request('/v1/articles')).json();
  console.log(JSON.stringify(arts).slice(0, 400));
  await show('propfind', '/v1/clinic', { method: 'PROPFIND' });
  await show('patch lower', '/v1/clinic', { method: 'patch' });
  await show('post clinic notype', '/v1/clinic', { method: 'POST' });
  await show('head lint', '/v1/credential-listings/lint', { method: 'HEAD' });
  await show('fhir bad', '/fhir/r4/Foo');
  await show('fhir bad2', '/fhir/r4/Practitioner/nope');
  await show('fhir long', `/fhir/r4/${'x'.repeat(50)}`);
  await show('limit', '/v1/therapists?limit=1000');
  await show('cred', '/v1/credentials/%E0%A4%A');
  await show('vcf', '/v1/locations/SAN.vcf');
  await show('vcf2', '/v1/locations/nope.vcf');
  await show('get post root', '/');
  await show('options', '/v1/clinic', { method: 'OPTIONS' });
  await show('proto', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' });
  await show('proto2', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"listing":"a","__proto__":{"x":1}}' });
  await show('constructor', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"listing":"a","constructor":{"prototype":{"x":1}}}' });
  await show('asOf', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ listing: 'Jane, PT, CSCS', asOf: '2026-02-30', credentials: [{ abbreviation: 'CSCS', expires: '2026-02-31' }] }) });
  await show('empty', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' } });
  await show('empty arr', '/v1/credential-listings/lint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
});
