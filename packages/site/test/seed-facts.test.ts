// The seed page (../shared/seed/000_b711ef2ef37b1020.txt) is the clinic's page as published.
// Every fact it displays must be on the rendered site, as it displays it.
import { describe, expect, it } from 'vitest';
import { normalise, visibleText } from './support/html.js';
import { htmlOf, sampleSite, seedText } from './support/site.js';

const site = sampleSite({ asOf: '2026-11-30' });
const htmlPages = site.pages.filter(
  (p) => p.contentType.startsWith('text/html') && p.kind === 'page',
);
const siteText = htmlPages.map((p) => visibleText(p.text)).join('\n');
const article = visibleText(
  htmlOf(site, '/articles/how-can-physical-therapy-help-to-reduce-back-pain/'),
);
const home = visibleText(htmlOf(site, '/'));

/** The seed's blocks: runs of non-empty lines, whitespace normalised ("Call or message us to / book…" is one). */
function seedBlocks(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(normalise)
    .filter((block) => block !== '');
}

// Blocks of the seed that are not facts: the alt texts of its decorative icons, and the two
// marketing questions of that page's template (the data has no field for them).
const NOT_FACTS = new Map<string, string>([
  ['Call Icon', 'icon alt text'],
  ['Massage Icon', 'icon alt text'],
  ['Pain Free Icon', 'icon alt text'],
  ['Veterans Icon', 'icon alt text (the veterans program is checked below)'],
]);

describe('the seed page’s facts on the rendered site', () => {
  const seed = seedText();
  const blocks = seedBlocks(seed);

  it('reads the seed page', () => {
    expect(blocks.length).toBeGreaterThan(40);
    expect(blocks[0]).toBe('How Can Physical Therapy Help to Reduce Back Pain? - PT Effect');
  });

  it.each(blocks.filter((b) => !NOT_FACTS.has(b)))('shows "%s"', (block) => {
    expect(siteText).toContain(block);
  });

  it.each([
    'How Can Physical Therapy Help to Reduce Back Pain?',
    'Physical therapy targets the cause of the pain',
    'Oct 24, 2022',
    'Read Time: 3 minutes',
    'Physical Therapy Is Personalized',
    'Physical Therapy Strengthens Muscles',
    'Physical Therapy Relaxes Muscles',
    'A Physical Therapist Teaches You',
    'Physical Therapy Finds the Cause of the Pain',
    'a physical therapist working with a patient who has back pain',
    'a physical therapist using an electroshock treatment on a patient',
    'a physical therapist demonstrating proper posture to a patient',
    'Are you dealing with chronic pain?',
    'Schedule a consultation with our Physical Therapists.',
    'Contact us',
  ])('the article page shows "%s", as the seed does', (fact) => {
    expect(normalise(seed)).toContain(fact);
    expect(article).toContain(fact);
  });

  it('the article page shows every paragraph of the seed’s article word for word, in order', () => {
    const start = blocks.findIndex((b) => b.startsWith('Back pain is an incredibly common'));
    const end = blocks.indexOf('Are you dealing with chronic pain?');
    const body = blocks.slice(start, end);
    expect(body.length).toBe(15); // 7 paragraphs, 5 section headings, 3 image descriptions
    let from = 0;
    for (const block of body) {
      const at = article.indexOf(block, from);
      expect(at, `"${block.slice(0, 60)}…" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + block.length;
    }
  });

  it.each([
    'Take The First Step',
    'Step one:',
    'Call or message us to book your appointment',
    'Step two:',
    'We’ll work with you to get you painfree again',
    'Step three:',
    'Regain your freedom & pain free lifestyle',
    'Dr. Mark Shulman',
    'Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
    'Fellow of the American Academy of Orthopaedic Manual Physical Therapists.',
    'Dr. Allison McKay',
    'Doctor of Physical Therapy (DPT), PRPC',
    'Contact Information',
    '(619) 544-1055',
    'Fax: (619) 544-1056',
    'The Physical Therapy Effect',
    '1601 Kettner Blvd Suite 11',
    'San Diego, CA 92101',
    'Veterans program',
    'Ready to become painfree?',
    'Schedule a consultation with our Physical Therapists.',
  ])('the home page shows "%s"', (fact) => {
    expect(home).toContain(fact);
  });

  it('the therapists show in the seed’s order, each listing right after its name', () => {
    const mark = home.indexOf(
      'Dr. Mark Shulman Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS Fellow of the American Academy',
    );
    const allison = home.indexOf('Dr. Allison McKay Doctor of Physical Therapy (DPT), PRPC');
    expect(mark).toBeGreaterThanOrEqual(0);
    expect(allison).toBeGreaterThan(mark);
  });
});
