import { type Therapist, therapistDisplayName, usStateName } from '@ptfx/domain';
import { CallToAction } from '../components/call-to-action.js';
import { Document } from '../components/document.js';
import { LinkList } from '../components/link-list.js';
import { PhotoPlaceholder } from '../components/photo-placeholder.js';
import { bySlugs, paths } from '../context.js';
import type { PageRender } from './page-render.js';

const ROLE: Readonly<Record<Therapist['role'], string>> = {
  PT: 'Physical therapist',
  PTA: 'Physical therapist assistant',
  other: 'Clinical staff',
};

/** A therapist's page: name, credential listing, bio, credentials, where and what they treat. */
export function therapistPage(render: PageRender, therapist: Therapist) {
  const { ctx } = render;
  const { clinic } = ctx;
  const name = therapistDisplayName(therapist);
  const locations = bySlugs(clinic.locations, therapist.locations);
  const treatments = bySlugs(clinic.treatments, therapist.treatments);
  const articles = clinic.articles.filter((a) => a.author === therapist.slug);
  return (
    <Document
      ctx={ctx}
      head={{
        title: `${name}, ${therapist.credentialListing}`,
        description:
          therapist.bio ??
          `${name}, ${therapist.credentialListing}, at ${clinic.organization.name}.`,
        path: paths.therapist(therapist),
        ogType: 'profile',
        jsonLd: render.jsonLd({ kind: 'therapist', therapist }),
      }}
    >
      <div class="wrap">
        <article class="profile">
          <header class="profile-header">
            <PhotoPlaceholder name={therapist.name} size={128} />
            <div>
              <h1>{name}</h1>
              <p class="listing">{therapist.credentialListing}</p>
              <p>
                {ROLE[therapist.role]} at {clinic.organization.name}
                {locations.length > 0 ? `, ${locations.map((l) => l.name).join(', ')}` : ''}
                {therapist.pronouns ? ` (${therapist.pronouns})` : ''}
              </p>
            </div>
          </header>
          {therapist.bio ? <p class="lead">{therapist.bio}</p> : null}
          {therapist.credentials.length > 0 ? (
            <section aria-labelledby="credentials-title">
              <h2 id="credentials-title">Credentials</h2>
              <ul class="credentials">
                {therapist.credentials.map((c) => (
                  <li>
                    <strong>{c.abbreviation}</strong>
                    {c.name ? ` — ${c.name}` : ''}
                    {c.issuer ? `, ${c.issuer}` : ''}
                    {c.license
                      ? ` (license ${c.license.number}, ${usStateName(c.license.state)})`
                      : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
        <LinkList
          id="treatments-title"
          title={`How ${name} can help`}
          items={treatments.map((t) => ({
            href: ctx.href(paths.treatment(t)),
            label: t.name,
            text: t.summary,
          }))}
        />
        <LinkList
          id="articles-title"
          title={`Articles by ${name}`}
          items={articles.map((a) => ({ href: ctx.href(paths.article(a)), label: a.title }))}
        />
        <CallToAction ctx={ctx} />
      </div>
    </Document>
  );
}
