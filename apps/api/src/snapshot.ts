import {
  aptaCategory,
  articleReadTime,
  articleWordCount,
  type CatalogEntry,
  type Clinic,
  CREDENTIAL_CATALOG,
  clinicJsonLd,
  type FhirResource,
  fhirResources,
  findCredential,
  type IsoDate,
  lintTherapistListing,
  localDateOf,
  locationVCard,
  organizationVCard,
  parseCredentialListing,
  serializeJsonLdForHtml,
  type Therapist,
  therapistDisplayName,
} from '@ptfx/domain';
import { CACHE, json, Representation, type Variant } from './http/representation.js';
import { FHIR_JSON, FHIR_READ_HEADERS } from './routes/fhir-outcome.js';
import { SiteView } from './site-view.js';

/** The FHIR resources of one clinic date, and the answer to a read of each (`Type/id`). */
export interface FhirView {
  readonly resources: readonly FhirResource[];
  readonly reps: ReadonlyMap<string, Representation>;
}

/** A therapist as lists show them. */
export function therapistSummary(t: Therapist, clinic: Clinic) {
  return {
    slug: t.slug,
    displayName: therapistDisplayName(t),
    name: t.name,
    ...(t.honorificPrefix ? { honorificPrefix: t.honorificPrefix } : {}),
    ...(t.pronouns ? { pronouns: t.pronouns } : {}),
    role: t.role,
    credentialListing: t.credentialListing,
    specialties: t.specialties,
    languages: t.languages,
    locations: t.locations,
    treatments: t.treatments,
    acceptingNewPatients: acceptsNewPatients(t, clinic),
    ...(t.photo ? { photo: t.photo } : {}),
  };
}

/** Whether a therapist takes new patients: their own setting, else any of their locations'. */
export function acceptsNewPatients(t: Therapist, clinic: Clinic): boolean {
  return (
    t.acceptingNewPatients ??
    clinic.locations.some((l) => t.locations.includes(l.slug) && l.acceptingNewPatients)
  );
}

/** A catalog entry as the API shows it. */
export function credentialView(entry: CatalogEntry) {
  return { ...entry, aptaCategory: aptaCategory(entry) ?? null };
}

/** An answer kept by request target, which the server's fast path sends without routing. */
export interface PublishedAnswer {
  /** The representation the route answered with. */
  readonly rep: Representation;
  /** The route pattern, for the access log. */
  readonly route: string;
  /** The path as the router saw it (decoded), for the headers that depend on it. */
  readonly path: string;
  /** The clinic date the answer was computed for, when it depends on the date; else null. */
  readonly day: IsoDate | null;
  /**
   * Whether the answer fits a request, given its headers, when it depends on one (a FHIR answer
   * on Accept, which may ask for XML and get 406); absent, it fits every request.
   */
  readonly fits?: (header: (name: string) => string | undefined) => boolean;
  /**
   * Header lists by variant (status, coding, allowed origin), built on first use: names and
   * values in turn, and where the request id's value goes.
   */
  readonly headerLists: Map<
    Variant,
    Map<string, { readonly flat: string[]; readonly idAt: number }>
  >;
}

/**
 * Everything the API serves from one load of the clinic data, computed once: the views, their
 * JSON with ETags, the projections. Nothing here depends on the request.
 */
export class ClinicSnapshot {
  readonly locationsBySlug;
  readonly therapistsBySlug;
  readonly treatmentsBySlug;
  readonly conditionsBySlug;
  readonly articlesBySlug;
  readonly reps = new Map<string, Representation>();
  /** Catalog ids of the credentials each therapist holds: structured, and in the listing. */
  readonly credentialIds: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly lintCache = new Map<string, Representation>();
  private readonly siteCache = new Map<IsoDate, SiteView>();
  /**
   * Answers by raw request target (`/v1/therapists?limit=5`), filled as routes answer: a GET of
   * the same target is then served without routing (http/fast-path.ts). Dropped with the
   * snapshot on reload.
   */
  readonly published = new Map<string, PublishedAnswer>();

  constructor(
    readonly clinic: Clinic,
    readonly loadedAt: Date,
    readonly baseUrl: string,
  ) {
    const bySlug = <T extends { slug: string }>(items: readonly T[]) =>
      new Map(items.map((i) => [i.slug, i]));
    this.locationsBySlug = bySlug(clinic.locations);
    this.therapistsBySlug = bySlug(clinic.therapists);
    this.treatmentsBySlug = bySlug(clinic.treatments);
    this.conditionsBySlug = bySlug(clinic.conditions);
    this.articlesBySlug = bySlug(clinic.articles);
    this.credentialIds = new Map(
      clinic.therapists.map((t) => [
        t.slug,
        new Set([
          ...t.credentials.flatMap((c) => findCredential(c.abbreviation)?.id ?? []),
          ...parseCredentialListing(t.credentialListing).credentials.map((c) => c.credential.id),
        ]),
      ]),
    );

    const put = (key: string, rep: Representation) => this.reps.set(key, rep);
    put(
      'clinic',
      json(
        {
          organization: clinic.organization,
          locations: clinic.locations,
          programs: clinic.programs,
          bookingPath: clinic.bookingPath ?? null,
        },
        CACHE.facts,
      ),
    );
    put('locations', json({ data: clinic.locations }, CACHE.facts));
    for (const l of clinic.locations) {
      put(`location:${l.slug}`, json(l, CACHE.facts));
      put(
        `location.vcf:${l.slug}`,
        new Representation(locationVCard(clinic, l), 'text/vcard; charset=utf-8', CACHE.facts),
      );
    }
    put('treatments', json({ data: clinic.treatments }, CACHE.facts));
    for (const t of clinic.treatments) put(`treatment:${t.slug}`, json(t, CACHE.facts));
    for (const c of clinic.conditions) put(`condition:${c.slug}`, json(c, CACHE.facts));
    put(
      'articles',
      json(
        {
          data: clinic.articles.map((a) => ({
            slug: a.slug,
            title: a.title,
            ...(a.subtitle ? { subtitle: a.subtitle } : {}),
            ...(a.author ? { author: a.author } : {}),
            published: a.published,
            readTimeMinutes: articleReadTime(a),
          })),
        },
        CACHE.facts,
      ),
    );
    for (const a of clinic.articles) {
      put(
        `article:${a.slug}`,
        json(
          { ...a, readTimeMinutes: articleReadTime(a), wordCount: articleWordCount(a) },
          CACHE.facts,
        ),
      );
    }
    put('credentials', json({ data: CREDENTIAL_CATALOG.map(credentialView) }, CACHE.catalog));
    for (const entry of CREDENTIAL_CATALOG)
      put(`credential:${entry.id}`, json(credentialView(entry), CACHE.catalog));
    put(
      'clinic.jsonld',
      new Representation(
        serializeJsonLdForHtml(clinicJsonLd(clinic, { baseUrl: baseUrl })),
        'application/ld+json; charset=utf-8',
        CACHE.facts,
      ),
    );
    put(
      'clinic.vcf',
      new Representation(organizationVCard(clinic), 'text/vcard; charset=utf-8', CACHE.facts),
    );
  }

  private fhirCache = new Map<IsoDate, FhirView>();

  /**
   * The FHIR resources as of `today` (a licence that has lapsed is `inactive`), each with its
   * answer, under the FHIR API's base (routes/fhir.ts) so that the practice's Endpoint is among
   * them. Built on first use for each clinic date; two dates are kept, for the minutes around
   * midnight.
   */
  fhir(today: IsoDate): FhirView {
    let view = this.fhirCache.get(today);
    if (view === undefined) {
      const resources = fhirResources(this.clinic, {
        baseUrl: `${this.baseUrl}/fhir/r4`,
        asOf: today,
      });
      const reps = new Map(
        resources.map((r) => [
          `${r.resourceType}/${r.id}`,
          json(r, CACHE.facts, FHIR_JSON, FHIR_READ_HEADERS),
        ]),
      );
      view = { resources, reps };
      if (this.fhirCache.size >= 2) this.fhirCache.clear();
      this.fhirCache.set(today, view);
    }
    return view;
  }

  private todayCache: { minute: number; date: IsoDate } | undefined;

  /** The clinic's date (in its first location's zone), worked out at most once a minute. */
  today(now: Date): IsoDate {
    const minute = Math.floor(now.getTime() / 60_000);
    if (this.todayCache?.minute !== minute) {
      this.todayCache = {
        minute,
        date: localDateOf(now, this.clinic.locations[0]?.timeZone ?? 'UTC'),
      };
    }
    return this.todayCache.date;
  }

  /**
   * The clinic's website as of `today`: rendered on first use for each clinic date (hours
   * exceptions that have ended drop out at midnight), the site's form posting to this origin.
   * Two dates are kept, for the minutes around midnight.
   */
  site(today: IsoDate): SiteView {
    let view = this.siteCache.get(today);
    if (view === undefined) {
      view = new SiteView(this.clinic, { baseUrl: this.baseUrl, apiUrl: '', asOf: today });
      if (this.siteCache.size >= 2) this.siteCache.clear();
      this.siteCache.set(today, view);
    }
    return view;
  }

  /** The representation stored under `key`, if any. */
  rep(key: string): Representation | undefined {
    return this.reps.get(key);
  }

  /** The catalog entry for an abbreviation as written in a URL (`DPT`, `Cert. MDT`, `OTR%2FL`). */
  credential(abbreviation: string): Representation | undefined {
    const entry =
      findCredential(abbreviation) ?? CREDENTIAL_CATALOG.find((e) => e.id === abbreviation);
    return entry ? this.reps.get(`credential:${entry.id}`) : undefined;
  }

  /**
   * A therapist with the lint of their listing as of `today`: computed once a day per therapist
   * (expiry depends on the date), under the state of their first location.
   */
  therapist(slug: string, today: IsoDate): Representation | undefined {
    const t = this.therapistsBySlug.get(slug);
    if (!t) return undefined;
    const key = `${slug}@${today}`;
    const cached = this.lintCache.get(key);
    if (cached) return cached;
    const {
      input,
      jurisdiction,
      result: lint,
    } = lintTherapistListing(t, this.clinic.locations, { asOf: today });
    const rep = json(
      {
        ...therapistSummary(t, this.clinic),
        ...(t.bio ? { bio: t.bio } : {}),
        ...(t.npi ? { npi: t.npi } : {}),
        credentials: t.credentials,
        lint: {
          input,
          profile: 'apta-2016',
          jurisdiction: jurisdiction ?? null,
          asOf: today,
          clean: lint.clean,
          issues: lint.issues,
          fix: lint.fix ?? null,
        },
      },
      CACHE.facts,
    );
    if (this.lintCache.size > 10_000) this.lintCache.clear();
    this.lintCache.set(key, rep);
    return rep;
  }
}
