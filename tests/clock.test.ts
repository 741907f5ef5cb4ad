import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock, createSystemClock, sleep } from '../src/clock.js';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/clock.ts', () => {
  it('is the only module of the core that sets timers', () => {
    const owners = sourceFiles(join(root, 'src'))
      .filter((file) => /\b(?:setTimeout|setInterval|setImmediate)\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(owners).toEqual(['src/clock.ts']);
  });

  it('fires a manual clock\'s timers in time order as it advances, including timers they set', () => {
    const clock = createManualClock(new Date('2031-01-01T00:00:00Z'));
    const fired: string[] = [];
    clock.setTimer(new Date('2031-01-01T00:00:20Z'), () => fired.push('b'));
    clock.setTimer(new Date('2031-01-01T00:00:10Z'), () => {
      fired.push('a');
      clock.setTimer(new Date('2031-01-01T00:00:15Z'), () => fired.push(`a2 at ${clock.now().toISOString().slice(17, 19)}`));
    });
    const cancelled = clock.setTimer(new Date('2031-01-01T00:00:12Z'), () => fired.push('never'));
    clock.clearTimer(cancelled);
    clock.advanceBy(30_000);
    expect(fired).toEqual(['a', 'a2 at 15', 'b']);
    expect(clock.now()).toEqual(new Date('2031-01-01T00:00:30Z'));
    expect(clock.pending).toBe(0);
    expect(() => clock.advanceTo(new Date('2030-01-01T00:00:00Z'))).toThrow('createManualClock: cannot move back from 2031-01-01T00:00:30.000Z to 2030-01-01T00:00:00.000Z');
  });

  it('resolves a sleep on the clock it was given', async () => {
    const clock = createManualClock(new Date('2031-01-01T00:00:00Z'));
    let woke = false;
    const nap = sleep(clock, 5000).then(() => (woke = true));
    clock.advanceBy(4999);
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.advanceBy(1);
    await nap;
    expect(woke).toBe(true);
  });

  it('runs a system clock timer that is already due on the next turn, and not one that was cleared', async () => {
    const clock = createSystemClock();
    const fired: string[] = [];
    const cleared = clock.setTimer(new Date(Date.now() - 1000), () => fired.push('cleared'));
    clock.clearTimer(cleared);
    await new Promise<void>((resolve) => clock.setTimer(new Date(Date.now() - 1000), () => resolve()));
    expect(fired).toEqual([]);
  });
});
