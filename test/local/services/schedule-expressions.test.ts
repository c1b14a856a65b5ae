/** Schedule expressions as EventBridge reads them: rate, AWS's six-field cron, Scheduler's at(). */
import { parseCron } from '../../../generator/local/services/schedules/cron';
import { parseSchedule } from '../../../generator/local/services/schedules/expression';

const utc = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 16);

/** The next `count` times after `from`, as `yyyy-mm-ddThh:mm`. */
function times(expression: string, from: string, count = 3): (string | undefined)[] {
  const cron = parseCron(expression);
  const found: (string | undefined)[] = [];
  let at: number | undefined = utc(from);
  for (let i = 0; i < count && at !== undefined; i++) {
    at = cron.next(at);
    found.push(iso(at));
  }
  return found;
}

describe('AWS cron expressions', () => {
  it.each([
    // [expression, from, next three]
    ['0 10 * * ? *', '2026-12-06T09:00', ['2026-12-06T10:00', '2026-12-07T10:00', '2026-12-08T10:00']],
    ['0/15 * * * ? *', '2026-12-06T09:07', ['2026-12-06T09:15', '2026-12-06T09:30', '2026-12-06T09:45']],
    ['5-50/20 8 * * ? *', '2026-12-06T00:00', ['2026-12-06T08:05', '2026-12-06T08:25', '2026-12-06T08:45']],
    // 1 is Sunday: 2026-12-06 is a Sunday.
    ['0 12 ? * 1 *', '2026-12-01T00:00', ['2026-12-06T12:00', '2026-12-13T12:00', '2026-12-20T12:00']],
    ['0 18 ? * MON-FRI *', '2026-12-04T19:00', ['2026-12-07T18:00', '2026-12-08T18:00', '2026-12-09T18:00']],
    // A range that wraps: Friday to Monday.
    ['0 0 ? * FRI-MON *', '2026-12-03T01:00', ['2026-12-04T00:00', '2026-12-05T00:00', '2026-12-06T00:00']],
    ['0 0 L * ? *', '2027-01-15T00:00', ['2027-01-31T00:00', '2027-02-28T00:00', '2027-03-31T00:00']],
    ['0 0 L 2 ? *', '2027-03-01T00:00', ['2028-02-29T00:00', '2029-02-28T00:00', '2030-02-28T00:00']],
    // The weekday nearest the 1st: 2026-11-01 is a Sunday (Monday 2nd); 2027-05-01 a Saturday (Monday 3rd).
    ['0 9 1W * ? *', '2026-10-31T00:00', ['2026-11-02T09:00', '2026-12-01T09:00', '2027-01-01T09:00']],
    ['0 9 1W 5 ? *', '2027-01-01T00:00', ['2027-05-03T09:00', '2028-05-01T09:00', '2029-05-01T09:00']],
    // The last weekday: 2027-01-31 is a Sunday, so Friday the 29th.
    ['0 9 LW * ? *', '2027-01-01T00:00', ['2027-01-29T09:00', '2027-02-26T09:00', '2027-03-31T09:00']],
    // The last Friday, the second Tuesday.
    ['0 9 ? * 6L *', '2026-12-01T00:00', ['2026-12-25T09:00', '2027-01-29T09:00', '2027-02-26T09:00']],
    ['0 9 ? * TUE#2 *', '2026-12-01T00:00', ['2026-12-08T09:00', '2027-01-12T09:00', '2027-02-09T09:00']],
    ['0 9 ? * L *', '2026-12-06T00:00', ['2026-12-12T09:00', '2026-12-19T09:00', '2026-12-26T09:00']],
    [
      '30 6 1,15 JAN,JUL ? 2027-2028',
      '2026-12-06T00:00',
      ['2027-01-01T06:30', '2027-01-15T06:30', '2027-07-01T06:30'],
    ],
    // A year that has passed never comes.
    ['0 0 1 1 ? 2020', '2026-12-06T00:00', [undefined]],
  ])('cron(%s) after %s', (expression, from, expected) => {
    expect(times(expression, from, expected.length)).toEqual(expected);
  });

  it.each([
    ['0 10 * * *', 'has 5 fields; expected 6'],
    ['0 10 * * * *', 'exactly one of them must be ?'],
    ['0 10 ? * ? *', 'exactly one of them must be ?'],
    ['60 10 * * ? *', 'minutes: 60 is not 0-59'],
    ['0 10 * 13 ? *', 'month: 13 is not 1-12 or JAN-DEC'],
    ['0 10 ? * 0 *', 'day-of-week: 0 is not 1-7 or SUN-SAT'],
    ['0 10 ? * 2#6 *', 'day-of-week: 2#6: # takes a week from 1 to 5'],
    ['0/0 10 * * ? *', 'minutes: 0/0 is not'],
  ])('refuses cron(%s), naming the field', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });
});

describe('schedule expressions', () => {
  const startedAt = new Date('2026-12-06T10:00:30Z');

  it('counts a rate from when the schedule starts', () => {
    const timing = parseSchedule('rate(5 minutes)', { startedAt });
    expect(timing.next(startedAt)?.toISOString()).toBe('2026-12-06T10:05:30.000Z');
    expect(timing.next(new Date('2026-12-06T10:05:30Z'))?.toISOString()).toBe('2026-12-06T10:10:30.000Z');
    expect(parseSchedule('rate(1 day)', { startedAt }).next(startedAt)?.toISOString()).toBe(
      '2026-12-07T10:00:30.000Z',
    );
  });

  it.each([
    ['rate(1 minutes)', 'the unit is minute for 1 and minutes otherwise'],
    ['rate(5 minute)', 'the unit is minute for 1 and minutes otherwise'],
    ['rate(0 minutes)', 'expected rate(<whole number> minute|minutes|hour|hours|day|days)'],
    ['rate(2 weeks)', 'expected rate(<whole number>'],
    ['every 5 minutes', 'is not a schedule expression: expected rate(...) or cron(...)'],
    ['at(2026-12-24T18:00:00)', 'expected rate(...) or cron(...)'],
  ])('refuses %s', (expression, message) => {
    expect(() => parseSchedule(expression, { startedAt })).toThrow(message);
  });

  it('runs a Scheduler cron and a one-time schedule in their time zone', () => {
    // 09:00 in Paris is 08:00 UTC in winter.
    const cron = parseSchedule('cron(0 9 * * ? *)', { startedAt, timeZone: 'Europe/Paris' });
    expect(cron.next(startedAt)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    const once = parseSchedule('at(2026-12-24T18:00:00)', {
      startedAt,
      timeZone: 'America/New_York',
      oneTime: true,
    });
    expect(once.next(startedAt)?.toISOString()).toBe('2026-12-24T23:00:00.000Z');
    expect(once.next(new Date('2026-12-25T00:00:00Z'))).toBeUndefined();
    expect(() => parseSchedule('cron(0 9 * * ? *)', { startedAt, timeZone: 'Mars/Olympus' })).toThrow(
      'ScheduleExpressionTimezone "Mars/Olympus" is not a time zone',
    );
  });
});
