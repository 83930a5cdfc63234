import { findContactChannel, formatPhoneNumber, phoneToTelUri } from '@ptfx/domain';
import { BookingSteps } from '../components/booking-steps.js';
import { CallToAction } from '../components/call-to-action.js';
import { ContactBlock } from '../components/contact-block.js';
import { Document } from '../components/document.js';
import { OpeningHours } from '../components/opening-hours.js';
import { TherapistCard } from '../components/therapist-card.js';
import { mainLocation, paths, type SiteContext } from '../context.js';
import { BOOKING_PATH } from '../form/fields.js';
import { COVERAGE_LABEL } from '../format.js';
import { openNowData } from '../hours-data.js';
import type { PageRender } from './page-render.js';

/** The home page: the practice, what it treats, the therapists, booking, programs, contact and hours. */
export function homePage(render: PageRender) {
  const { ctx } = render;
  const { clinic } = ctx;
  const org = clinic.organization;
  const location = mainLocation(clinic);
  const phone =
    findContactChannel(location.contact, 'phone', 'appointments') ??
    findContactChannel(org.contact, 'phone', 'appointments');
  const description =
    org.description ??
    `${org.name}: physical therapy in ${clinic.locations.map((l) => l.address.city).join(', ')}.`;
  return (
    <Document
      ctx={ctx}
      head={{
        title: org.alternateName ? `${org.name} (${org.alternateName})` : org.name,
        description,
        path: paths.home,
        jsonLd: render.jsonLd({ kind: 'practice' }),
        openNowData: openNowData(clinic),
        current: 'home',
      }}
    >
      <section class="hero">
        <div class="wrap">
          <h1>{org.name}</h1>
          {org.description ? <p class="lead">{org.description}</p> : null}
          <p class="actions">
            {phone ? (
              <a class="button" href={phoneToTelUri(phone.value)}>
                Call {formatPhoneNumber(phone.value)}
              </a>
            ) : null}
            {clinic.bookingPath?.consent ? (
              <a class="button button-secondary" href={ctx.href(BOOKING_PATH)}>
                Request a consultation online
              </a>
            ) : null}
          </p>
        </div>
      </section>
      <div class="wrap">
        <Treats ctx={ctx} />
        {clinic.therapists.length > 0 ? (
          <section id="therapists" aria-labelledby="therapists-title">
            <h2 id="therapists-title">Our therapists</h2>
            <div class="cards">
              {clinic.therapists.map((t) => (
                <TherapistCard therapist={t} href={ctx.href(paths.therapist(t))} />
              ))}
            </div>
          </section>
        ) : null}
        {clinic.bookingPath ? (
          <BookingSteps
            bookingPath={clinic.bookingPath}
            phone={phone?.value}
            bookingHref={clinic.bookingPath.consent ? ctx.href(BOOKING_PATH) : undefined}
          />
        ) : null}
        {clinic.programs.length > 0 ? (
          <section id="programs" aria-labelledby="programs-title">
            <h2 id="programs-title">Programs</h2>
            {clinic.programs.map((p) => (
              <article class="card program">
                <h3 class="card-title">{p.name}</h3>
                <p>{p.summary}</p>
                {p.coverage.length > 0 ? (
                  <p>Works with: {p.coverage.map((kind) => COVERAGE_LABEL[kind]).join(', ')}.</p>
                ) : null}
              </article>
            ))}
          </section>
        ) : null}
        {clinic.articles.length > 0 ? (
          <section id="articles" aria-labelledby="articles-title">
            <h2 id="articles-title">Articles</h2>
            <ul class="link-list">
              {clinic.articles.map((a) => (
                <li>
                  <a href={ctx.href(paths.article(a))}>{a.title}</a>
                  {a.subtitle ? <p>{a.subtitle}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section id="contact" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact Information</h2>
          <div class="locations">
            {clinic.locations.map((l) => (
              <article class="location" aria-labelledby={`location-${l.slug}`}>
                <h3 id={`location-${l.slug}`}>{l.name}</h3>
                <ContactBlock organization={org} location={l} />
                <OpeningHours location={l} asOf={ctx.options.asOf} />
                <LocationFacts location={l} />
              </article>
            ))}
          </div>
        </section>
        <CallToAction ctx={ctx} />
      </div>
    </Document>
  );
}

function Treats(props: { readonly ctx: SiteContext }) {
  const { ctx } = props;
  const { conditions, treatments } = ctx.clinic;
  if (conditions.length === 0 && treatments.length === 0) return null;
  return (
    <section id="treatments" aria-labelledby="treats-title">
      <h2 id="treats-title">What we treat</h2>
      {conditions.length > 0 ? (
        <ul class="link-list conditions">
          {conditions.map((c) => (
            <li>
              <a href={ctx.href(paths.condition(c))}>{c.name}</a>
              <p>{c.summary}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {treatments.length > 0 ? (
        <>
          <h3>How we treat it</h3>
          <ul class="link-list treatments">
            {treatments.map((t) => (
              <li>
                <a href={ctx.href(paths.treatment(t))}>{t.name}</a>
                <p>{t.summary}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function LocationFacts(props: { readonly location: import('@ptfx/domain').Location }) {
  const { location } = props;
  const notes = location.accessibility
    ? [
        ...(location.accessibility.wheelchairAccessible ? ['Wheelchair accessible.'] : []),
        ...(location.accessibility.parking ? [location.accessibility.parking] : []),
        ...(location.accessibility.publicTransit ? [location.accessibility.publicTransit] : []),
        ...location.accessibility.notes,
      ]
    : [];
  return (
    <>
      <p>
        {location.acceptingNewPatients
          ? 'Accepting new patients.'
          : 'Not accepting new patients at the moment.'}
      </p>
      {notes.length > 0 ? <p>{notes.join(' ')}</p> : null}
      {location.coverage.length > 0 ? (
        <>
          <p class="exceptions-title">Payment we accept</p>
          <ul>
            {location.coverage.map((c) => (
              <li>
                {c.plan ? `${COVERAGE_LABEL[c.kind]}: ${c.plan}` : COVERAGE_LABEL[c.kind]}
                {c.network === 'out-of-network' ? ' (out of network)' : ''}
                {c.notes ? ` — ${c.notes}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
