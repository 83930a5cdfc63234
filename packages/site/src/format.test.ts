import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateWithWeekday,
  formatExceptionDates,
  formatTime,
  formatTimeRange,
  readTimeText,
} from './format.js';

describe('format', () => {
  it('writes dates as the seed page does', () => {
    expect(formatDate('2022-10-24')).toBe('Oct 24, 2022');
    expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
    expect(formatDateWithWeekday('2026-11-26')).toBe('Thu, Nov 26, 2026');
    expect(formatDateWithWeekday('2024-02-29')).toBe('Thu, Feb 29, 2024');
  });

  it('writes times on the 12-hour clock, with noon and midnight by name', () => {
    expect(formatTime('07:00')).toBe('7:00 AM');
    expect(formatTime('19:30')).toBe('7:30 PM');
    expect(formatTime('12:00')).toBe('noon');
    expect(formatTime('12:15')).toBe('12:15 PM');
    expect(formatTime('00:30')).toBe('12:30 AM');
    expect(formatTime('00:00')).toBe('midnight');
    expect(formatTime('24:00')).toBe('midnight');
    expect(formatTimeRange({ opens: '07:00', closes: '19:00' })).toBe('7:00 AM – 7:00 PM');
  });

  it('writes an exception’s dates, one day or a range', () => {
    expect(
      formatExceptionDates({ status: 'closed', from: '2026-12-25', reason: 'Christmas Day' }),
    ).toBe('Fri, Dec 25, 2026');
    expect(
      formatExceptionDates({
        status: 'closed',
        from: '2026-12-24',
        through: '2027-01-01',
        reason: 'Holidays',
      }),
    ).toBe('Thu, Dec 24, 2026 – Fri, Jan 1, 2027');
  });

  it('writes the read time as the seed does', () => {
    expect(readTimeText(3)).toBe('Read Time: 3 minutes');
    expect(readTimeText(1)).toBe('Read Time: 1 minute');
  });
});
