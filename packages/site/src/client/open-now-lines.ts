import { describeOpenNow, type HoursSchedule } from '@ptfx/domain';

/** The most locations read from the page's hours data. */
const MAX_LOCATIONS = 50;

/** A location's open-now line and whether it says open. */
export interface OpenNowLine {
  /** `Open now · closes 7:00 PM`, `Closed · opens Monday 7:00 AM`, `Closed today for Thanksgiving · …`. */
  readonly text: string;
  /** Whether the doors are open. */
  readonly open: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The outline only: describeOpenNow checks the whole shape itself and throws a TypeError on a
// location that is not one, which openNowLines catches.
function isSchedule(
  value: Record<string, unknown>,
): value is Record<string, unknown> & HoursSchedule {
  const hours = value.hours;
  return (
    typeof value.timeZone === 'string' &&
    isRecord(hours) &&
    Array.isArray(hours.weekly) &&
    Array.isArray(hours.exceptions)
  );
}

/**
 * The instant the page takes as now: the test hook `globalThis.__PTFX_NOW__` when it holds an
 * instant (ISO text with an offset, or milliseconds since 1970), else `fallback` (`Date.now()`).
 *
 * @example
 * pageNow('2026-11-26T09:00:00-08:00', Date.now()).toISOString(); // '2026-11-26T17:00:00.000Z'
 */
export function pageNow(hook: unknown, fallback: number): Date {
  const ms =
    typeof hook === 'number' ? hook : typeof hook === 'string' ? Date.parse(hook) : Number.NaN;
  const at = new Date(ms);
  return Number.isNaN(at.getTime()) ? new Date(fallback) : at;
}

/**
 * The open-now line of each location in the page's hours data (`#ptfx-hours`,
 * `{ locations: [{ slug, name, timeZone, hours }] }`), by slug, at an instant: the domain's
 * `describeOpenNow`, in the location's zone whatever the visitor's. A location that is not one
 * (the data spoilt) gets no line, so the page keeps its neutral text; never throws.
 *
 * @example
 * openNowLines(JSON.parse(script.textContent), new Date()).get('san-diego')?.text;
 * // 'Open now · closes 7:00 PM'
 */
export function openNowLines(data: unknown, at: Date): Map<string, OpenNowLine> {
  const lines = new Map<string, OpenNowLine>();
  const locations = isRecord(data) && Array.isArray(data.locations) ? data.locations : [];
  for (const location of locations.slice(0, MAX_LOCATIONS)) {
    if (!isRecord(location) || typeof location.slug !== 'string' || !isSchedule(location)) continue;
    try {
      const now = describeOpenNow(location, at);
      lines.set(location.slug, { text: now.text, open: now.open });
    } catch {
      // Not a location after all: no line for it.
    }
  }
  return lines;
}
