import type { Clinic, JsonLdValue, OpeningHours, TimeZone } from '@ptfx/domain';

/** The id of the `<script type="application/json">` element that carries {@link OpenNowData}. */
export const HOURS_DATA_ID = 'ptfx-hours';
/** The attribute of the element the script fills with a location's open-now line; its value is the location's slug. */
export const OPEN_NOW_ATTRIBUTE = 'data-open-now';

/** One location in {@link OpenNowData}: `describeOpenNow(location, now)` takes it as it is. */
export interface OpenNowLocation {
  /** The location's slug: the value of its `[data-open-now]` element. */
  readonly slug: string;
  /** The location's name. */
  readonly name: string;
  /** IANA zone of the hours. */
  readonly timeZone: TimeZone;
  /** Weekly hours and every dated exception (past ones too: the script may be given any clock). */
  readonly hours: OpeningHours;
}

/**
 * What the page carries for the open-now script, as JSON in `#ptfx-hours`:
 * `{ "locations": [{ "slug", "name", "timeZone", "hours": { "weekly", "exceptions" } }] }`.
 */
export interface OpenNowData {
  /** The locations shown on the page. */
  readonly locations: readonly OpenNowLocation[];
}

/** The open-now data of a clinic's locations, as a JSON value (fields copied one by one). */
export function openNowData(clinic: Clinic): JsonLdValue {
  return {
    locations: clinic.locations.map((l) => ({
      slug: l.slug,
      name: l.name,
      timeZone: l.timeZone,
      hours: {
        weekly: l.hours.weekly.map((w) => ({
          days: [...w.days],
          opens: w.opens,
          closes: w.closes,
        })),
        exceptions: l.hours.exceptions.map((e) => ({
          status: e.status,
          from: e.from,
          ...(e.through ? { through: e.through } : {}),
          reason: e.reason,
          ...(e.status === 'open'
            ? { hours: e.hours.map((h) => ({ opens: h.opens, closes: h.closes })) }
            : {}),
        })),
      },
    })),
  };
}
