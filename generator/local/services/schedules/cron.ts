/**
 * EventBridge's cron expressions (rules and Scheduler alike), as AWS documents them: six fields,
 * `minutes hours day-of-month month day-of-week year`, where
 * - minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or
 *   SUN-SAT (1 is Sunday, unlike Unix cron), year 1970-2199;
 * - `,` lists, `-` ranges (a range that wraps, FRI-MON, goes round), `*` any, `/` steps from a
 *   start (`0/15`, `5-50/5`, or `*` then `/10`);
 * - `?` any, in exactly one of day-of-month and day-of-week: the other says which days;
 * - day-of-month `L` (the last day), `LW` (the last weekday), `15W` (the weekday nearest the 15th,
 *   within the month);
 * - day-of-week `L` (Saturday, the week's last day), `6L` (the month's last Friday), `3#2` (its
 *   second Tuesday).
 * Times are wall-clock times: `next` takes and gives milliseconds since the epoch of that wall
 * clock read as UTC, so a caller in another time zone converts (expression.ts).
 *
 * No npm package fits: the cron libraries follow Unix cron or Quartz (seconds first, 0 or 1 as
 * Sunday differently, no year field), so this small module keeps AWS's semantics in one place.
 */
import { LocalError } from '../../errors';

export interface Cron {
  /** The first matching minute strictly after `afterMs` (wall clock as UTC); undefined: never. */
  next(afterMs: number): number | undefined;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const LAST_YEAR = 2199;

type DayTest = (year: number, month: number, day: number) => boolean;

/** Parses the text inside `cron(...)`; a LocalError names the field that is wrong. */
export function parseCron(text: string): Cron {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw cronError(
      text,
      `has ${fields.length} fields; expected 6: minutes hours day-of-month month day-of-week year`,
    );
  }
  const [minuteField, hourField, domField, monthField, dowField, yearField] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if ((domField === '?') === (dowField === '?')) {
    throw cronError(text, 'day-of-month and day-of-week: exactly one of them must be ?');
  }
  const minutes = [...numbers(text, 'minutes', minuteField, 0, 59)].sort((a, b) => a - b);
  const hours = [...numbers(text, 'hours', hourField, 0, 23)].sort((a, b) => a - b);
  const months = numbers(text, 'month', monthField, 1, 12, MONTHS);
  const years = numbers(text, 'year', yearField, 1970, LAST_YEAR);
  const dayTest = domField === '?' ? dayOfWeek(text, dowField) : dayOfMonth(text, domField);
  const lastYear = Math.max(...years);
  return {
    next(afterMs) {
      for (let day = Math.floor(afterMs / DAY_MS) * DAY_MS; ; day += DAY_MS) {
        const date = new Date(day);
        const year = date.getUTCFullYear();
        if (year > lastYear) return undefined;
        const month = date.getUTCMonth() + 1;
        const dom = date.getUTCDate();
        if (!years.has(year) || !months.has(month) || !dayTest(year, month, dom)) continue;
        for (const hour of hours) {
          for (const minute of minutes) {
            const at = day + hour * 60 * MINUTE_MS + minute * MINUTE_MS;
            if (at > afterMs) return at;
          }
        }
      }
    },
  };
}

function cronError(text: string, problem: string): LocalError {
  return new LocalError('E_LOCAL_SCHEDULE', `cron(${text}): ${problem}`, 'ScheduleExpression');
}

/** A field of numbers: lists of values, ranges and steps, names where the field has them. */
function numbers(
  text: string,
  name: string,
  field: string,
  min: number,
  max: number,
  names?: readonly string[],
): Set<number> {
  const allowed = `${min}-${max}${names ? ` or ${names[0]}-${names.at(-1)}` : ''}, with , - * /`;
  const value = (token: string): number => {
    const index = names?.indexOf(token.toUpperCase()) ?? -1;
    const parsed = index >= 0 ? index + min : /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) throw cronError(text, `${name}: ${token} is not ${allowed}`);
    return parsed;
  };
  const found = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', step, extra] = part.split('/');
    const every = step === undefined ? 1 : Number(step);
    if (extra !== undefined || !Number.isInteger(every) || every < 1) {
      throw cronError(text, `${name}: ${part} is not ${allowed}`);
    }
    const [from, to] =
      range === '*'
        ? [min, max]
        : range.includes('-')
          ? (range.split('-', 2).map(value) as [number, number])
          : [value(range), step === undefined ? value(range) : max];
    // A range that wraps (FRI-MON) goes on from the first value round to the second.
    const span = to >= from ? to - from : to - from + (max - min + 1);
    for (let offset = 0; offset <= span; offset += every) {
      found.add(((from - min + offset) % (max - min + 1)) + min);
    }
  }
  return found;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 (Sunday) to 7 (Saturday), as AWS numbers days of the week. */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** The weekday nearest `target` in the month, never crossing into another month. */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = daysIn(year, month);
  const day = Math.min(target, last);
  const dow = weekday(year, month, day);
  if (dow === 7) return day === 1 ? 3 : day - 1; // Saturday: Friday, or Monday the 3rd
  if (dow === 1) return day === last ? day - 2 : day + 1; // Sunday: Monday, or Friday before
  return day;
}

function dayOfMonth(text: string, field: string): DayTest {
  if (field === '*') return () => true;
  const tests = field.split(',').map((part): DayTest => {
    if (part === 'L') return (y, m, d) => d === daysIn(y, m);
    if (part === 'LW') return (y, m, d) => d === nearestWeekday(y, m, daysIn(y, m));
    const weekdayOf = /^(\d+)W$/.exec(part);
    if (weekdayOf) {
      const target = [...numbers(text, 'day-of-month', weekdayOf[1] as string, 1, 31)][0] as number;
      return (y, m, d) => d === nearestWeekday(y, m, target);
    }
    const days = numbers(text, 'day-of-month', part, 1, 31);
    return (_y, _m, d) => days.has(d);
  });
  return (y, m, d) => tests.some((test) => test(y, m, d));
}

function dayOfWeek(text: string, field: string): DayTest {
  if (field === '*') return () => true;
  const one = (token: string) => [...numbers(text, 'day-of-week', token, 1, 7, DAYS)][0] as number;
  const tests = field.split(',').map((part): DayTest => {
    if (part === 'L') return (y, m, d) => weekday(y, m, d) === 7;
    const last = /^(\w+)L$/.exec(part);
    if (last) {
      const dow = one(last[1] as string);
      return (y, m, d) => weekday(y, m, d) === dow && d + 7 > daysIn(y, m);
    }
    const nth = /^(\w+)#([1-5])$/.exec(part);
    if (nth) {
      const dow = one(nth[1] as string);
      const week = Number(nth[2]);
      return (y, m, d) => weekday(y, m, d) === dow && Math.ceil(d / 7) === week;
    }
    if (part.includes('#')) throw cronError(text, `day-of-week: ${part}: # takes a week from 1 to 5`);
    const days = numbers(text, 'day-of-week', part, 1, 7, DAYS);
    return (y, m, d) => days.has(weekday(y, m, d));
  });
  return (y, m, d) => tests.some((test) => test(y, m, d));
}
