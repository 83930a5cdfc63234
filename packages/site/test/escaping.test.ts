// Hostile data from a clinic file reaches the pages as text, never as markup or script.
import { type Clinic, ClinicSchema } from '@ptfx/domain';
import { sampleClinic } from '@ptfx/domain/sample';
import { describe, expect, it } from 'vitest';
import { renderSite } from '../src/index.js';
import { meta, scriptBlocks, visibleText } from './support/html.js';
import { BASE_URL } from './support/site.js';

const NAME = '<script>alert(1)</script>';
const BIO = '</script><script>alert(2)</script> & "quoted" \'single\' <!--';

function hostileClinic(): Clinic {
  const clinic = sampleClinic();
  const [mark] = clinic.therapists;
  const [location] = clinic.locations;
  const [article] = clinic.articles;
  if (!mark || !location || !article)
    throw new Error('the sample has a therapist, a location and an article');
  const input = {
    ...clinic,
    organization: { ...clinic.organization, name: 'Evil "Clinic" <b>&amp;</b>', description: BIO },
    therapists: [
      {
        ...mark,
        name: { given: NAME, family: 'O\'Brien"><img src=x onerror=alert(3)>' },
        bio: BIO,
      },
    ],
    locations: [
      {
        ...location,
        name: '</title><script>x</script>',
        hours: {
          ...location.hours,
          exceptions: [
            {
              status: 'closed' as const,
              from: '2026-12-25',
              reason: '</script><script>alert(4)</script>',
            },
          ],
        },
      },
    ],
    articles: [{ ...article, title: `${NAME} title`, subtitle: BIO }],
    programs: [],
  };
  const parsed = ClinicSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(`the hostile clinic does not parse: ${parsed.error.message}`);
  return parsed.data;
}

describe('hostile data', () => {
  const clinic = hostileClinic();
  const site = renderSite(clinic, { baseUrl: BASE_URL });
  const pages = site.pages.filter((p) => p.contentType.startsWith('text/html'));

  it.each(pages.map((p) => p.path))('%s: no element or attribute comes from the data', (path) => {
    const html = site.page(path)?.text ?? '';
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    // Every tag is well formed, every attribute value quoted, no attribute an event handler.
    for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      expect(tag[0]).toMatch(
        /^<[a-zA-Z][a-zA-Z0-9-]*(\s[a-zA-Z][a-zA-Z:-]*(="[^"<>]*")?)*\s*\/?>$/,
      );
      expect(tag[0].replace(/="[^"]*"/g, '')).not.toMatch(/\son[a-z]+/);
    }
    // Only the page's own scripts: JSON blocks and the external module.
    for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
      expect(m[1]).toMatch(/^ type="(application\/ld\+json|application\/json|module)"/);
    }
    expect(html.match(/<\/title>/g)).toHaveLength(1);
  });

  it('shows the hostile text as text', () => {
    const therapist = site.pages.find((p) => p.path.startsWith('/therapists/'))?.text ?? '';
    expect(visibleText(therapist)).toContain(`${NAME} O'Brien"><img src=x onerror=alert(3)>`);
    expect(visibleText(therapist)).toContain(BIO);
    expect(meta(site.page('/')?.text ?? '', 'og:site_name')).toBe('Evil "Clinic" <b>&amp;</b>');
  });

  it('JSON blocks cannot be closed by the data and parse back to it', () => {
    const home = site.page('/')?.text ?? '';
    const [ld] = scriptBlocks(home, 'application/ld+json');
    const [hours] = scriptBlocks(home, 'application/json');
    expect(ld).not.toMatch(/<|>/);
    expect(hours).not.toMatch(/<|>/);
    expect(JSON.parse(ld ?? '')['@graph'][0].name).toBe('Evil "Clinic" <b>&amp;</b>');
    expect(JSON.parse(hours ?? '').locations[0].hours.exceptions[0].reason).toBe(
      '</script><script>alert(4)</script>',
    );
  });
});
