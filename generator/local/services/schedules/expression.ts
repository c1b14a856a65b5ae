/**
 * A `ScheduleExpression` as EventBridge rules and EventBridge Scheduler read it: `rate(5 minutes)`
 * (a positive whole number; `minute`, `hour`, `day` for 1, the plural otherwise), `cron(...)`
 * (cron.ts), and, for Scheduler only, the one-time `at(2026-12-24T18:00:00)`. Rules run in UTC;
 * a Scheduler schedule in its `ScheduleExpressionTimezone` (an IANA name), UTC by default.
 * A rate counts from when the schedule starts (here, when the emulator starts).
 */
import { LocalError } from '../../errors';
import { parseCron } from './cron';

export interface Timing {
  /** The expression as written: `rate(1 minute)`. */
  readonly text: string;
  /** The next time it fires strictly after `after`; undefined when it never fires again. */
  next(after: Date): Date | undefined;
}

const UNITS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `startedAt` anchors rates; `timeZone` applies to cron and at (Scheduler). */
export function parseSchedule(
  expression: string,
  options: { readonly startedAt: Date; readonly timeZone?: string; readonly oneTime?: boolean },
): Timing {
  const text = expression.trim();
  const rate = /^rate\((.*)\)$/.exec(text);
  if (rate) return rateTiming(text, rate[1] as string, options.startedAt);
  const zone = zoneOf(options.timeZone);
  const cron = /^cron\((.*)\)$/.exec(text);
  if (cron) {
    const parsed = parseCron(cron[1] as string);
    return { text, next: (after) => fromWall(parsed.next(toWall(after, zone)), zone) };
  }
  const at = /^at\((\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\)$/.exec(text);
  if (at && options.oneTime) {
    const when = fromWall(Date.parse(`${at[1]}Z`), zone) as Date;
    return { text, next: (after) => (when > after ? when : undefined) };
  }
  const forms = options.oneTime
    ? 'rate(...), cron(...) or at(yyyy-mm-ddThh:mm:ss)'
    : 'rate(...) or cron(...)';
  throw scheduleError(`${JSON.stringify(text)} is not a schedule expression: expected ${forms}`);
}

function rateTiming(text: string, inside: string, startedAt: Date): Timing {
  const [amount = '', unit = '', ...rest] = inside.trim().split(/\s+/);
  const value = Number(amount);
  const singular = unit.replace(/s$/, '');
  const ms = UNITS[singular];
  if (rest.length > 0 || !/^\d+$/.test(amount) || value < 1 || ms === undefined) {
    throw scheduleError(`${text}: expected rate(<whole number> minute|minutes|hour|hours|day|days)`);
  }
  if ((value === 1) !== (unit === singular)) {
    throw scheduleError(`${text}: the unit is ${singular} for 1 and ${singular}s otherwise`);
  }
  const every = value * ms;
  return {
    text,
    next: (after) => {
      const elapsed = after.getTime() - startedAt.getTime();
      return new Date(startedAt.getTime() + (Math.floor(Math.max(elapsed, 0) / every) + 1) * every);
    },
  };
}

function scheduleError(message: string): LocalError {
  return new LocalError('E_LOCAL_SCHEDULE', message, 'ScheduleExpression');
}

/** A formatter for the zone, or undefined for UTC. */
function zoneOf(timeZone: string | undefined): Intl.DateTimeFormat | undefined {
  if (timeZone === undefined || timeZone === 'UTC' || timeZone === 'Etc/UTC') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new LocalError(
      'E_LOCAL_SCHEDULE',
      `ScheduleExpressionTimezone ${JSON.stringify(timeZone)} is not a time zone: expected an IANA name such as Europe/Paris`,
      'ScheduleExpressionTimezone',
    );
  }
}

/** The wall clock of the zone at `instant`, as milliseconds read as UTC. */
function toWall(instant: Date, zone: Intl.DateTimeFormat | undefined): number {
  if (!zone) return instant.getTime();
  const part = (type: string) => Number(zone.formatToParts(instant).find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall + instant.getUTCMilliseconds();
}

/** The instant the zone's wall clock shows `wall`; in a gap of a clock change, just after it. */
function fromWall(wall: number | undefined, zone: Intl.DateTimeFormat | undefined): Date | undefined {
  if (wall === undefined) return undefined;
  if (!zone) return new Date(wall);
  const first = wall - (toWall(new Date(wall), zone) - wall);
  return new Date(wall - (toWall(new Date(first), zone) - first));
}
