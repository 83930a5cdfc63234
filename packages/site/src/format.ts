import type {
  CoverageKind,
  HoursException,
  IsoDate,
  LocalTime,
  TreatmentCategory,
  Weekday,
} from '@ptfx/domain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function parts(date: IsoDate): [number, number, number] {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
}

/** A date as the seed page shows it: `2022-10-24` → `Oct 24, 2022`. */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${MONTHS[m - 1] ?? ''} ${d}, ${y}`;
}

/** A date with its weekday: `2026-11-26` → `Thu, Nov 26, 2026` (by the calendar, no zone involved). */
export function formatDateWithWeekday(date: IsoDate): string {
  const [y, m, d] = parts(date);
  const weekday = WEEKDAY_SHORT[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return `${weekday}, ${formatDate(date)}`;
}

/** A wall-clock time on the 12-hour clock: `07:00` → `7:00 AM`, `19:30` → `7:30 PM`, `24:00` → `midnight`. */
export function formatTime(time: LocalTime): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (h === 24 || (h === 0 && m === 0)) return 'midnight';
  if (h === 12 && m === 0) return 'noon';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** A range of times: `7:00 AM – 7:00 PM`. */
export function formatTimeRange(range: {
  readonly opens: LocalTime;
  readonly closes: LocalTime;
}): string {
  return `${formatTime(range.opens)} – ${formatTime(range.closes)}`;
}

/** An exception's dates: `Thu, Nov 26, 2026` or `Thu, Dec 24, 2026 – Fri, Jan 1, 2027`. */
export function formatExceptionDates(exception: HoursException): string {
  const from = formatDateWithWeekday(exception.from);
  return exception.through && exception.through !== exception.from
    ? `${from} – ${formatDateWithWeekday(exception.through)}`
    : from;
}

/** Weekday names for people. */
export const WEEKDAY_LABEL: Readonly<Record<Weekday, string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** Coverage kinds for people. */
export const COVERAGE_LABEL: Readonly<Record<CoverageKind, string>> = {
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  'va-community-care': 'VA Community Care',
  tricare: 'TRICARE',
  commercial: 'Commercial insurance',
  'workers-compensation': 'Workers’ compensation',
  'auto-injury': 'Auto injury',
  'self-pay': 'Self-pay',
};

/** Treatment categories for people. */
export const CATEGORY_LABEL: Readonly<Record<TreatmentCategory, string>> = {
  exercise: 'Therapeutic exercise',
  'manual-therapy': 'Manual therapy',
  modality: 'Modality',
  education: 'Education',
  assessment: 'Assessment',
};

/** A number of minutes as the seed says it: `Read Time: 3 minutes`. */
export function readTimeText(minutes: number): string {
  return `Read Time: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
