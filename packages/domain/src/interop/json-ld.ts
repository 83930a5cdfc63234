import type { Clinic } from '../clinic/clinic.js';
import type { Location } from '../clinic/location.js';
import type { OpeningHours, Weekday } from '../clinic/opening-hours.js';
import { usStateName } from '../contact/address-format.js';
import { findContactChannel } from '../contact/find-contact-channel.js';
import type { Image } from '../content/image.js';
import { articleReadTime, articleWordCount } from '../content/read-time.js';
import type { CatalogEntry } from '../credentials/catalog-entry.js';
import { findCredential } from '../credentials/catalog-lookup.js';
import type { Credential } from '../credentials/credential.js';
import { expiryFromCycle } from '../credentials/expiry.js';
import { procedureCodeSystem } from '../identifiers/procedure-code-system.js';
import { argumentError, expectOptions, expectShape } from '../shared/arguments.js';
import { CLINIC } from '../shared/shapes.js';
import { therapistDisplayName } from '../therapists/display-name.js';
import type { Therapist } from '../therapists/therapist.js';

/** A JSON-LD value: what `JSON.stringify` writes. */
export type JsonLdValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonLdValue[]
  | { readonly [key: string]: JsonLdValue };
/** A JSON-LD node object. */
export type JsonLdNode = { readonly [key: string]: JsonLdValue };

/** Options of {@link clinicJsonLd}. */
export interface ClinicJsonLdOptions {
  /** The site the nodes' `@id`s live under; the practice's website by default, else ids are relative. */
  readonly baseUrl?: string;
}

const DAY: Readonly<Record<Weekday, string>> = {
  monday: 'https://schema.org/Monday',
  tuesday: 'https://schema.org/Tuesday',
  wednesday: 'https://schema.org/Wednesday',
  thursday: 'https://schema.org/Thursday',
  friday: 'https://schema.org/Friday',
  saturday: 'https://schema.org/Saturday',
  sunday: 'https://schema.org/Sunday',
};

/** schema.org has no 24:00; 23:59 closes the day. */
const time = (t: string) => (t === '24:00' ? '23:59' : t);

function openingHoursSpecification(hours: OpeningHours): JsonLdNode[] {
  return hours.weekly.map((range) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: range.days.map((d) => DAY[d]),
    opens: time(range.opens),
    closes: time(range.closes),
  }));
}

// Dated exceptions; a closed day is opens = closes = 00:00 (schema.org's convention).
function specialOpeningHoursSpecification(hours: OpeningHours): JsonLdNode[] {
  return hours.exceptions.flatMap((e) => {
    const valid = { validFrom: e.from, validThrough: e.through ?? e.from, description: e.reason };
    if (e.status === 'closed')
      return [{ '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', ...valid }];
    return e.hours.map((range) => ({
      '@type': 'OpeningHoursSpecification',
      opens: time(range.opens),
      closes: time(range.closes),
      ...valid,
    }));
  });
}

function postalAddress(location: Location): JsonLdNode {
  const { address } = location;
  return {
    '@type': 'PostalAddress',
    streetAddress: address.lines.join(', '),
    addressLocality: address.city,
    addressRegion: address.state,
    postalCode: address.postalCode,
    addressCountry: address.country,
  };
}

/** An image as a schema.org `ImageObject`: its address, and its size when the data gives it. */
function imageObject(image: Image): JsonLdNode {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
  };
}

/** `image` when there are images, else nothing. */
function imageProperty(images: readonly Image[]): JsonLdNode {
  return images.length > 0 ? { image: images.map(imageObject) } : {};
}

function placeProperties(location: Location): JsonLdNode {
  const phone = findContactChannel(location.contact, 'phone', 'appointments');
  const fax = findContactChannel(location.contact, 'fax', 'referrals');
  const email = findContactChannel(location.contact, 'email');
  return {
    address: postalAddress(location),
    ...(location.geo
      ? {
          geo: {
            '@type': 'GeoCoordinates',
            latitude: location.geo.latitude,
            longitude: location.geo.longitude,
          },
        }
      : {}),
    ...(phone ? { telephone: phone.value } : {}),
    ...(fax ? { faxNumber: fax.value } : {}),
    ...(email ? { email: email.value } : {}),
    openingHoursSpecification: openingHoursSpecification(location.hours),
    ...(location.hours.exceptions.length > 0
      ? { specialOpeningHoursSpecification: specialOpeningHoursSpecification(location.hours) }
      : {}),
    isAcceptingNewPatients: location.acceptingNewPatients,
  };
}

function credentialCategory(entry: CatalogEntry | undefined): string {
  if (!entry) return 'certification';
  switch (entry.kind) {
    case 'license-designation':
    case 'obsolete-designation':
    case 'regulated-occupation':
      return 'license';
    case 'pt-degree':
    case 'academic-degree':
      return 'degree';
    case 'student-designation':
      return 'student designation';
    case 'apta-fellowship':
    case 'fellowship':
      return 'fellowship';
    case 'abpts-specialist':
    case 'certification':
      return 'certification';
    default: {
      const unhandled: never = entry.kind;
      throw new Error(`unhandled credential kind ${unhandled}`);
    }
  }
}

function validFor(entry: CatalogEntry | undefined): string | undefined {
  const rule = entry?.renewal;
  return rule?.kind === 'years' || rule?.kind === 'fixed-cycle' ? `P${rule.years}Y` : undefined;
}

function credentialNode(credential: Credential): JsonLdNode {
  const entry = findCredential(credential.abbreviation);
  const issuer = credential.issuer ?? entry?.issuers[0];
  const expires =
    credential.expires ??
    (credential.earned && entry ? expiryFromCycle(entry, credential.earned) : undefined);
  const duration = validFor(entry);
  return {
    '@type': 'EducationalOccupationalCredential',
    name: credential.name ?? entry?.name ?? credential.abbreviation,
    alternateName: credential.abbreviation,
    credentialCategory: credentialCategory(entry),
    ...(issuer ? { recognizedBy: { '@type': 'Organization', name: issuer } } : {}),
    ...(credential.license
      ? {
          validIn: { '@type': 'AdministrativeArea', name: usStateName(credential.license.state) },
          identifier: credential.license.number,
        }
      : {}),
    ...(duration ? { validFor: duration } : {}),
    ...(credential.earned ? { dateCreated: credential.earned } : {}),
    ...(expires ? { expires } : {}),
  };
}

function personNode(therapist: Therapist, ids: Ids, clinic: Clinic): JsonLdNode {
  return {
    '@type': 'Person',
    '@id': ids.person(therapist.slug),
    ...(ids.personPage ? { url: ids.personPage(therapist.slug) } : {}),
    name: therapistDisplayName(therapist),
    givenName: therapist.name.given,
    familyName: therapist.name.family,
    ...(therapist.honorificPrefix ? { honorificPrefix: therapist.honorificPrefix } : {}),
    honorificSuffix: therapist.credentialListing,
    jobTitle:
      therapist.role === 'PT'
        ? 'Physical Therapist'
        : therapist.role === 'PTA'
          ? 'Physical Therapist Assistant'
          : 'Clinical staff',
    ...(therapist.bio ? { description: therapist.bio } : {}),
    ...(therapist.photo ? { image: therapist.photo.url } : {}),
    ...(therapist.sameAs.length > 0 ? { sameAs: therapist.sameAs } : {}),
    ...(therapist.npi
      ? { identifier: { '@type': 'PropertyValue', propertyID: 'NPI', value: therapist.npi } }
      : {}),
    knowsLanguage: therapist.languages,
    hasCredential: therapist.credentials.map(credentialNode),
    worksFor: { '@id': ids.practice },
    workLocation: clinic.locations
      .filter((l) => therapist.locations.includes(l.slug))
      .map((l) => ({ '@id': ids.place(l.slug) })),
  };
}

interface Ids {
  readonly practice: string;
  readonly place: (slug: string) => string;
  readonly person: (slug: string) => string;
  readonly article: (slug: string) => string;
  /** The site's home page, a therapist's page and an article's page: only with an absolute base. */
  readonly home?: string;
  readonly personPage?: (slug: string) => string;
  readonly articlePage?: (slug: string) => string;
}

/**
 * The clinic as schema.org JSON-LD: the practice as `Physiotherapy` (typed `MedicalClinic` too,
 * whose properties schema.org gives medical organizations; url, logo, images, sameAs, telephone,
 * faxNumber, address, geo coordinates, price range, opening hours and dated exceptions, new
 * patients, services, specialty), each location as its own `Physiotherapy` department when there
 * are several, each therapist as a `Person` with `hasCredential`, and each article as a
 * `BlogPosting` with its images, `dateModified` (the publication date when never updated),
 * `timeRequired` and its author written out (the therapist as a `Person` with name and url, else
 * the practice). It carries what Google's structured-data pages list as required or recommended
 * for a local business, an article and its author, where the data has it. Page addresses (`url`,
 * `mainEntityOfPage`) are written only when the base is an absolute http(s) URL. Put it in a page
 * with {@link serializeJsonLdForHtml}.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` holds a key other than
 * `baseUrl` (text)
 */
export function clinicJsonLd(clinic: Clinic, options: ClinicJsonLdOptions = {}): JsonLdNode {
  expectShape('clinicJsonLd', 'clinic', clinic, CLINIC);
  expectOptions('clinicJsonLd', options, { baseUrl: 'text?' });
  const org = clinic.organization;
  const base = (options.baseUrl ?? org.website ?? '').replace(/\/+$/, '');
  const ids: Ids = {
    practice: `${base}/#practice`,
    place: (slug) => `${base}/locations/${slug}#place`,
    person: (slug) => `${base}/therapists/${slug}/#person`,
    article: (slug) => `${base}/articles/${slug}/#article`,
    // A page address is only useful absolute (Google wants fully-qualified URLs).
    ...(/^https?:\/\/[^/]/i.test(base)
      ? {
          home: `${base}/`,
          personPage: (slug: string) => `${base}/therapists/${slug}/`,
          articlePage: (slug: string) => `${base}/articles/${slug}/`,
        }
      : {}),
  };
  const [only] = clinic.locations.length === 1 ? clinic.locations : [];
  const orgPhone = findContactChannel(org.contact, 'phone', 'appointments');
  const orgFax = findContactChannel(org.contact, 'fax', 'referrals');
  const services = clinic.treatments.map((t) => ({
    '@type': 'PhysicalTherapy',
    name: t.name,
    description: t.summary,
    ...(t.codes.length > 0
      ? {
          code: t.codes.map((c) => ({
            '@type': 'MedicalCode',
            codeValue: c,
            codingSystem: procedureCodeSystem(c),
          })),
        }
      : {}),
  }));
  const practice: JsonLdNode = {
    // Physiotherapy is a LocalBusiness; MedicalClinic brings the medical-organization properties
    // (isAcceptingNewPatients, medicalSpecialty, availableService) that Physiotherapy lacks.
    '@type': ['Physiotherapy', 'MedicalClinic'],
    '@id': ids.practice,
    name: org.name,
    ...(org.alternateName ? { alternateName: org.alternateName } : {}),
    ...(org.legalName ? { legalName: org.legalName } : {}),
    ...(org.description ? { description: org.description } : {}),
    ...(org.website || ids.home ? { url: org.website ?? ids.home } : {}),
    ...(org.logo ? { logo: org.logo } : {}),
    ...imageProperty([...org.images, ...(only?.images ?? [])]),
    ...(org.priceRange ? { priceRange: org.priceRange } : {}),
    ...(org.sameAs.length > 0 ? { sameAs: org.sameAs } : {}),
    ...(org.npi
      ? { identifier: { '@type': 'PropertyValue', propertyID: 'NPI', value: org.npi } }
      : {}),
    ...(orgPhone ? { telephone: orgPhone.value } : {}),
    ...(orgFax ? { faxNumber: orgFax.value } : {}),
    ...(only
      ? placeProperties(only)
      : { isAcceptingNewPatients: clinic.locations.some((l) => l.acceptingNewPatients) }),
    medicalSpecialty: 'https://schema.org/Physiotherapy',
    availableService: services,
    employee: clinic.therapists.map((t) => ({ '@id': ids.person(t.slug) })),
    ...(only
      ? {}
      : {
          department: clinic.locations.map((l) => ({
            '@type': ['Physiotherapy', 'MedicalClinic'],
            '@id': ids.place(l.slug),
            name: `${org.name} — ${l.name}`,
            parentOrganization: { '@id': ids.practice },
            ...imageProperty(l.images),
            ...placeProperties(l),
          })),
        }),
  };
  // With one location the practice node is the place too.
  const people = clinic.therapists.map((t) =>
    personNode(t, only ? { ...ids, place: () => ids.practice } : ids, clinic),
  );
  // The author is written out, not only referenced: an article's page carries the BlogPosting
  // without the author's own node, and search engines read author.name and author.url there.
  const practiceAuthor: JsonLdNode = {
    '@type': practice['@type'] ?? 'Organization',
    '@id': ids.practice,
    name: org.name,
    ...(practice.url ? { url: practice.url } : {}),
  };
  const authorOf = (slug: string | undefined): JsonLdNode => {
    const therapist = slug ? clinic.therapists.find((t) => t.slug === slug) : undefined;
    if (!therapist) return practiceAuthor;
    return {
      '@type': 'Person',
      '@id': ids.person(therapist.slug),
      name: therapistDisplayName(therapist),
      ...(ids.personPage ? { url: ids.personPage(therapist.slug) } : {}),
    };
  };
  const articles = clinic.articles.map((a) => ({
    '@type': 'BlogPosting',
    '@id': ids.article(a.slug),
    ...(ids.articlePage
      ? { url: ids.articlePage(a.slug), mainEntityOfPage: ids.articlePage(a.slug) }
      : {}),
    headline: a.title,
    ...(a.subtitle ? { alternativeHeadline: a.subtitle } : {}),
    ...imageProperty(a.images),
    datePublished: a.published,
    // Never changed since publication: modified on the day it was published.
    dateModified: a.updated ?? a.published,
    timeRequired: `PT${articleReadTime(a)}M`,
    wordCount: articleWordCount(a),
    author: authorOf(a.author),
    publisher: { '@id': ids.practice },
    articleBody: a.sections
      .flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.paragraphs])
      .join('\n\n'),
    about: clinic.conditions
      .filter((c) => a.conditions.includes(c.slug))
      .map((c) => ({ '@type': 'MedicalCondition', name: c.name })),
  }));
  return { '@context': 'https://schema.org', '@graph': [practice, ...people, ...articles] };
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&`, U+2028 and U+2029 are
 * written as `\u` escapes, so no bio or title can close the script (`</script>`), open a comment
 * (`<!--`) or break an older JavaScript parser. The text parses back to the same value.
 *
 * @example
 * serializeJsonLdForHtml({ name: '</script>' }); // '{"name":"\u003c/script\u003e"}'
 * @throws {TypeError} when `value` has no JSON form: `undefined`, a function, a BigInt, a cycle
 */
export function serializeJsonLdForHtml(value: JsonLdValue): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A BigInt, a cycle or a throwing toJSON: the engine's message would not name this function.
    json = undefined;
  }
  if (json === undefined) {
    throw argumentError(
      'serializeJsonLdForHtml(value)',
      'a JSON value, such as clinicJsonLd returns (no undefined, function, BigInt or cycle)',
      value,
    );
  }
  return json.replace(
    UNSAFE_IN_SCRIPT,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
