import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { findContactChannel } from '../contact/find-contact-channel.js';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { fhirBundle } from './fhir/bundle.js';
import type {
  FhirLocation,
  FhirOrganization,
  FhirPractitioner,
  FhirResource,
} from './fhir/types.js';
import { clinicJsonLd, type JsonLdValue } from './json-ld.js';
import { locationVCard } from './vcard.js';

// One clinic, four shapes: the model, FHIR R4, schema.org JSON-LD and vCard must say the same
// phone, fax, address, hours, NPIs and credentials.
const clinic = sampleClinic();
const [location] = clinic.locations;
if (!location) throw new Error('sample has a location');

const resources = fhirBundle(clinic, { baseUrl: 'https://x.example/fhir' }).entry.map(
  (e) => e.resource,
);
const ofType = <T extends FhirResource>(guard: (r: FhirResource) => r is T) =>
  resources.filter(guard);
const fhirLocation = ofType((r): r is FhirLocation => r.resourceType === 'Location')[0];
const fhirOrg = ofType((r): r is FhirOrganization => r.resourceType === 'Organization')[0];
const practitioners = ofType((r): r is FhirPractitioner => r.resourceType === 'Practitioner');

type Node = { readonly [key: string]: JsonLdValue };
const isNode = (v: JsonLdValue | undefined): v is Node =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: JsonLdValue | undefined): JsonLdValue[] =>
  Array.isArray(v) ? [...v] : v === undefined ? [] : [v];
const graph = list(clinicJsonLd(clinic)['@graph']).filter(isNode);
const practice = graph.find((n) => list(n['@type']).includes('Physiotherapy'));
const people = graph.filter((n) => n['@type'] === 'Person');

const vcard = new ICAL.Component(ICAL.parse(locationVCard(clinic, location)));
const vcardTel = (type: string) =>
  vcard
    .getAllProperties('tel')
    .find((p) => list(p.getParameter('type')).includes(type))
    ?.getFirstValue();

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const weeklyTriples = (entries: { days: readonly string[]; opens: string; closes: string }[]) =>
  entries.flatMap((e) => e.days.map((d) => `${d} ${e.opens}-${e.closes}`)).sort();

describe('every projection of the sample clinic agrees with the model', () => {
  it('on the phone and fax numbers', () => {
    const phone = findContactChannel(location.contact, 'phone', 'appointments')?.value;
    const fax = findContactChannel(location.contact, 'fax', 'referrals')?.value;
    expect(phone).toBe('+16195441055');
    expect(fax).toBe('+16195441056');
    expect(fhirLocation?.telecom.filter((t) => t.system === 'phone').map((t) => t.value)).toEqual([
      phone,
    ]);
    expect(fhirLocation?.telecom.filter((t) => t.system === 'fax').map((t) => t.value)).toEqual([
      fax,
    ]);
    expect(fhirOrg?.telecom.map((t) => [t.system, t.value])).toEqual([
      ['phone', phone],
      ['fax', fax],
    ]);
    expect([practice?.telephone, practice?.faxNumber]).toEqual([phone, fax]);
    expect([vcardTel('voice'), vcardTel('fax')]).toEqual([`tel:${phone}`, `tel:${fax}`]);
  });

  it('on the address', () => {
    const { lines, city, state, postalCode } = location.address;
    expect(fhirLocation?.address).toMatchObject({
      line: lines,
      city,
      state,
      postalCode,
      country: 'US',
    });
    expect(isNode(practice?.address) && practice.address).toMatchObject({
      streetAddress: lines.join(', '),
      addressLocality: city,
      addressRegion: state,
      postalCode,
    });
    expect(vcard.getFirstPropertyValue('adr')).toEqual([
      '',
      '',
      lines.join(','),
      city,
      state,
      postalCode,
      'US',
    ]);
  });

  it('on the weekly hours and the dated exceptions', () => {
    const model = weeklyTriples(location.hours.weekly);
    const FHIR_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const fhir = weeklyTriples(
      (fhirLocation?.hoursOfOperation ?? []).map((h) => ({
        days: h.daysOfWeek.map((d) => DAYS[FHIR_DAYS.indexOf(d)] ?? d),
        opens: (h.openingTime ?? '').slice(0, 5),
        closes: (h.closingTime ?? '').slice(0, 5),
      })),
    );
    const jsonLd = weeklyTriples(
      list(practice?.openingHoursSpecification)
        .filter(isNode)
        .map((h) => ({
          days: list(h.dayOfWeek).map((d) =>
            String(d).replace('https://schema.org/', '').toLowerCase(),
          ),
          opens: String(h.opens),
          closes: String(h.closes),
        })),
    );
    const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const note = String(vcard.getFirstPropertyValue('note')).replace(/^Hours: /, '');
    const vcardHours = weeklyTriples(
      note.split(', ').map((part) => {
        const match = /^(.*) (\d\d:\d\d)-(\d\d:\d\d)$/.exec(part);
        return {
          days: (match?.[1] ?? '').split(' ').map((d) => DAYS[SHORT.indexOf(d)] ?? d),
          opens: match?.[2] ?? '',
          closes: match?.[3] ?? '',
        };
      }),
    );
    expect(model).toHaveLength(5);
    expect(fhir).toEqual(model);
    expect(jsonLd).toEqual(model);
    expect(vcardHours).toEqual(model);

    const special = list(practice?.specialOpeningHoursSpecification).filter(isNode);
    for (const e of location.hours.exceptions) {
      expect(special.some((s) => s.validFrom === e.from)).toBe(true);
      expect(fhirLocation?.availabilityExceptions).toContain(e.from);
    }
  });

  it('on the NPIs', () => {
    expect(fhirOrg?.identifier?.[0]?.value).toBe(clinic.organization.npi);
    expect(isNode(practice?.identifier) && practice.identifier.value).toBe(clinic.organization.npi);
    clinic.therapists.forEach((t, i) => {
      expect(practitioners[i]?.identifier?.[0]?.value).toBe(t.npi);
      const person = people[i];
      expect(isNode(person?.identifier) && person.identifier.value).toBe(t.npi);
    });
  });

  it('on the credentials and their expiry', () => {
    clinic.therapists.forEach((t, i) => {
      const model = t.credentials.map((c) => c.abbreviation);
      const fhir = (practitioners[i]?.qualification ?? []).map((q) => q.code.text);
      const jsonLd = list(people[i]?.hasCredential)
        .filter(isNode)
        .map((c) => c.alternateName);
      expect(fhir).toEqual(model);
      expect(jsonLd).toEqual(model);
      const fhirEnds = (practitioners[i]?.qualification ?? []).map((q) => q.period?.end);
      const jsonLdEnds = list(people[i]?.hasCredential)
        .filter(isNode)
        .map((c) => c.expires);
      expect(fhirEnds).toEqual(jsonLdEnds);
      expect(fhirEnds).toEqual(t.credentials.map((c) => c.expires));
    });
  });
});
