// Publication dates as the publisher wrote them. The day shown is the day written, whatever
// the time zone of the machine that builds (or of the offset written): a date is never turned
// into an instant and back. A date that is not one in the calendar, or that readers of
// different countries would read differently, stops the build at its line.

/** The date as written, in ISO 8601: "2024-05-31", or with its time and offset as written. */
export type WrittenDate = { date: string } | { problem: string } | undefined;

/** ISO 8601 as YAML 1.1 and TOML write it: one- or two-digit months and days, T or spaces, seconds optional. */
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(Z|z|[-+]\d{1,2}(?::?\d{2})?)?)?$/;

/** Day, month and year with slashes or dots, whose order differs between countries. */
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/** Year first but with slashes or dots. */
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number | string, length = 2) => String(n).padStart(length, '0');

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads a date as written: `{ date }` in ISO 8601 when it is a real date, `{ problem }` saying
 * what to write when it looks like a date but is not one (or is ambiguous), undefined when it
 * is not written as a date at all.
 */
export function readWrittenDate(written: string): WrittenDate {
  const text = written.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss = '0', fraction = '', offset] = iso;
    const [year, month, day] = [Number(y), Number(m), Number(d)];
    if (month < 1 || month > 12) return { problem: `${text} is not a date: there is no month ${month}` };
    if (day < 1 || day > daysIn(year, month))
      return {
        problem: `${text} is not a date: ${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days`,
      };
    const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    if (hh === undefined) return { date };
    if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59)
      return { problem: `${text} is not a date and time: ${hh}:${mm}:${pad(ss)} is not a time of day` };
    let zone = '';
    if (offset === 'Z' || offset === 'z') zone = 'Z';
    else if (offset) {
      const [, sign, oh, om = '0'] = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(offset) ?? [];
      if (Number(oh) > 14 || Number(om) > 59)
        return { problem: `${text} is not a date and time: ${offset} is not a time zone's offset` };
      zone = `${sign}${pad(oh)}:${pad(om)}`;
    }
    return { date: `${date}T${pad(hh)}:${mm}:${pad(ss)}${fraction}${zone}` };
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const [, year, month, day] = yearFirst;
    return { problem: `write the date with hyphens, as ${year}-${pad(month)}-${pad(day)}, not ${text}` };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, a, b, year] = numeric;
    const as = (month: string, day: string) => `${year.length === 2 ? `20${year}` : year}-${pad(month)}-${pad(day)}`;
    const [first, second] = [Number(a), Number(b)];
    const meant =
      first > 12 && second <= 12
        ? `: ${as(b, a)}`
        : second > 12 && first <= 12
          ? `: ${as(a, b)}`
          : first <= 12 && second <= 12
            ? `: ${as(a, b)} or ${as(b, a)}, whichever you mean`
            : '';
    return {
      problem: `${text} gives day and month in an order that differs between countries: write year-month-day${year.length === 2 ? ' with the year in full' : ''}${meant}`,
    };
  }
  return undefined;
}

/** The calendar day of a written date, "2024-05-31", whatever its time and offset. */
export const calendarDay = (date: string): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];

/**
 * When a written date was, for ordering articles: its offset where it gives one, else read as
 * UTC, so the order does not depend on the machine's time zone either.
 */
export function dateInstant(date: string): number {
  const withZone = date.length === 10 || /(Z|[-+]\d{2}:\d{2})$/.test(date) ? date : `${date}Z`;
  return Date.parse(withZone);
}
