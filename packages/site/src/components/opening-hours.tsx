import { type HoursException, type IsoDate, type Location, WEEKDAYS } from '@ptfx/domain';
import { formatExceptionDates, formatTimeRange, WEEKDAY_LABEL } from '../format.js';
import { OPEN_NOW_ATTRIBUTE } from '../hours-data.js';
import { type Html, rendered } from './html.js';

/** Props of {@link OpeningHours}. */
export interface OpeningHoursProps {
  /** The location, as parsed by `@ptfx/domain`. */
  readonly location: Location;
  /** Leave out dated exceptions that ended before this date (`YYYY-MM-DD`); default: show all. */
  readonly asOf?: IsoDate | undefined;
  /** Include the open-now line the site script fills (`[data-open-now]`); default true. */
  readonly openNow?: boolean;
}

/** The dated exceptions still to come on `asOf` (all of them without it), earliest first. */
export function upcomingExceptions(
  location: Location,
  asOf: IsoDate | undefined,
): HoursException[] {
  return location.hours.exceptions
    .filter((e) => asOf === undefined || (e.through ?? e.from) >= asOf)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * A location's opening hours: the open-now line (space reserved, filled by the site script from
 * `#ptfx-hours`, so nothing shifts), the weekly table in the location's own zone, and the dated
 * exceptions (holidays, early closings). Without JavaScript the table and exceptions say it all.
 *
 * @example
 * String(OpeningHours({ location: clinic.locations[0], asOf: '2026-11-30' }));
 */
export function OpeningHours(props: OpeningHoursProps): Html {
  const { location } = props;
  const exceptions = upcomingExceptions(location, props.asOf);
  return rendered(
    <div class="hours">
      {props.openNow === false ? null : (
        <p class="open-now" {...{ [OPEN_NOW_ATTRIBUTE]: location.slug }} />
      )}
      <table class="hours-table">
        <caption>
          Opening hours, {location.name} time ({location.timeZone})
        </caption>
        <tbody>
          {WEEKDAYS.map((day) => {
            const ranges = location.hours.weekly
              .filter((range) => range.days.includes(day))
              .sort((a, b) => a.opens.localeCompare(b.opens));
            return (
              <tr>
                <th scope="row">{WEEKDAY_LABEL[day]}</th>
                <td>{ranges.length > 0 ? ranges.map(formatTimeRange).join(', ') : 'Closed'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {exceptions.length > 0 ? (
        <div class="exceptions">
          <p class="exceptions-title">Holidays and special hours</p>
          <ul>
            {exceptions.map((e) => (
              <li>
                <span class="exception-date">{formatExceptionDates(e)}</span>: {e.reason} —{' '}
                {e.status === 'closed'
                  ? 'closed'
                  : `open ${e.hours.map(formatTimeRange).join(', ')}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>,
  );
}
