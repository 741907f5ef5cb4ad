import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { parseSchedule } from '../src/digest/schedule.js';

describe('parseSchedule', () => {
  it('gives the slots of a cron pattern in a time zone', () => {
    const parsed = parseSchedule('0 8 * * 1-5', 'Europe/London');
    if (!parsed.ok) throw new Error(parsed.message);
    // Friday 12 Sept 2031 at 08:00 BST, then Monday 15 Sept.
    expect(parsed.schedule.next(new Date('2031-09-12T06:00:00Z'))).toEqual(new Date('2031-09-12T07:00:00Z'));
    expect(parsed.schedule.next(new Date('2031-09-12T07:00:00Z'))).toEqual(new Date('2031-09-15T07:00:00Z'));
    expect(parsed.schedule.latest(new Date('2031-09-12T07:00:00Z'))).toEqual(new Date('2031-09-12T07:00:00Z'));
    expect(parsed.schedule.latest(new Date('2031-09-14T12:00:00Z'))).toEqual(new Date('2031-09-12T07:00:00Z'));
  });

  it('runs a slot in a spring-forward gap at the first minute after it, and a repeated one once', () => {
    const spring = parseSchedule('30 2 * * *', 'America/New_York');
    const fall = parseSchedule('30 1 * * *', 'America/New_York');
    if (!spring.ok || !fall.ok) throw new Error('schedule');
    expect(spring.schedule.next(new Date('2031-03-09T00:00:00Z'))).toEqual(new Date('2031-03-09T07:00:00Z'));
    expect(fall.schedule.next(new Date('2031-11-02T00:00:00Z'))).toEqual(new Date('2031-11-02T05:30:00Z'));
    expect(fall.schedule.next(new Date('2031-11-02T05:30:00Z'))).toEqual(new Date('2031-11-03T06:30:00Z'));
    expect(fall.schedule.latest(new Date('2031-11-02T06:45:00Z'))).toEqual(new Date('2031-11-02T05:30:00Z'));
  });

  it("refuses what is not a five-field cron pattern, with croner's reason", () => {
    expect(parseSchedule('0 8 * *', 'UTC')).toMatchObject({ ok: false });
    const bad = parseSchedule('61 8 * * *', 'UTC');
    expect(bad).toEqual({ ok: false, message: 'CronPattern: Invalid value for minute: 61' });
    expect(parseSchedule('0 0 8 * * *', 'UTC').ok).toBe(false);
  });
});

describe('parseConfig for digests', () => {
  it('checks DIGEST_SCHEDULE with croner in DIGEST_TIMEZONE, naming the setting', () => {
    expect(parseConfig({ DIGEST_SCHEDULE: '30 7 * * 1-5', DIGEST_TIMEZONE: 'Europe/London' })).toMatchObject({ ok: true, config: { DIGEST_SCHEDULE: '30 7 * * 1-5' } });
    const bad = parseConfig({ DIGEST_SCHEDULE: '0 25 * * *' });
    expect(bad).toEqual({
      ok: false,
      errors: [{ setting: 'DIGEST_SCHEDULE', expected: 'a cron expression of five fields, such as "0 8 * * *" (CronPattern: Invalid value for hour: 25)' }],
    });
  });
});
