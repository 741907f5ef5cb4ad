import { Cron } from 'croner';

/** A digest schedule: a cron pattern read in a time zone, asked only for slot times (it never runs anything). */
export type DigestSchedule = {
  readonly pattern: string;
  readonly timeZone: string;
  /** Names the schedule in the store, so a changed schedule starts afresh. */
  readonly key: string;
  /** The first slot strictly after `after`, or null when the pattern has no more. */
  next(after: Date): Date | null;
  /** The last slot at or before `at`, or null when there was none. */
  latest(at: Date): Date | null;
};

/** A schedule, or why the pattern or time zone cannot be one (croner's own message). */
export type ParseScheduleResult = { ok: true; schedule: DigestSchedule } | { ok: false; message: string };

/**
 * Reads a five-field cron pattern ("30 7 * * 1-5") in an IANA time zone. Croner computes the slots: a slot whose
 * local time falls in a spring-forward gap runs at the first minute after the gap, and one whose local time occurs
 * twice on a fall-back night runs once, at the first occurrence (fixed-time rule "no-wildcard", so "0 8,17 * * *"
 * counts as fixed too). Patterns with a wildcard or step in the minute or hour keep croner's interval meaning.
 */
export function parseSchedule(pattern: string, timeZone: string): ParseScheduleResult {
  let cron: Cron;
  try {
    cron = new Cron(pattern.trim(), { timezone: timeZone, mode: '5-part', fixedTimeRule: 'no-wildcard' });
    cron.nextRun(new Date(0));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return {
    ok: true,
    schedule: {
      pattern: pattern.trim(),
      timeZone,
      key: `${pattern.trim()} ${timeZone}`,
      next: (after) => cron.nextRun(after),
      // previousRuns excludes the reference itself; one millisecond later includes a slot exactly at `at`.
      latest: (at) => cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null,
    },
  };
}
