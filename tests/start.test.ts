import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorybot } from '../adapters/start.js';
import { createManualClock } from '../src/clock.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { openStore } from '../src/store/open-store.js';
import { FakeSlack } from './fakes/fake-slack.js';
import { freePort } from './helpers/free-port.js';

const damDir = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const folders: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

describe('startStorybot', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the store and the live corpus, runs Slack and posts the scheduled digest, then stops cleanly', async () => {
    const corpus = tempDir('storybot-start-corpus-');
    cpSync(damDir, corpus, { recursive: true });
    const dataDir = join(tempDir('storybot-start-data-'), 'data');
    const parsed = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-storybot-start-token',
      SLACK_SIGNING_SECRET: 'signing-secret-for-storybot-start-test',
      SLACK_PORT: String(await freePort()),
      SLACK_API_URL: fake.apiUrl,
      DIGEST_SCHEDULE: '0 8 * * *',
      DIGEST_TIMEZONE: 'UTC',
      DIGEST_CHANNELS: 'slack:C0START',
      LOG_LEVEL: 'silent',
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const clock = createManualClock(new Date('2031-09-12T07:59:00Z'));
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = startStorybot({
      config: parsed.config,
      corpus,
      dataDir,
      log: createLogger({ level: 'silent' }),
      input: new PassThrough(),
      output: new PassThrough(),
      clock,
      until,
    });
    // Armed once the bot is up: the 08:00 slot is the next timer of the clock.
    await fake.waitFor('the digest schedule to be armed', () => clock.nextTimerAt()?.getTime() === new Date('2031-09-12T08:00:00Z').getTime());
    clock.advanceTo(new Date('2031-09-12T08:00:00Z'));
    const post = await fake.waitFor('the scheduled digest', () => fake.posts().find((call) => call.body.channel === 'C0START'));
    expect(post.response.ok).toBe(true);
    expect(String(post.body.text)).toMatch(/^Story digest · Fri Sep 12, 08:00 UTC · 5 articles from 4 outlets/);
    stop();
    expect(await running).toEqual({ ok: true });

    expect(existsSync(join(dataDir, 'storybot.db'))).toBe(true);
    const reopened = openStore({ dir: dataDir, readOnly: true });
    if (!reopened.ok) throw new Error(reopened.message);
    expect(reopened.store.articles.firstSeen('01-valley-wire.txt')).toEqual(new Date('2031-09-12T07:59:00Z'));
    expect(reopened.store.deliveries.get('slack:C0START', new Date('2031-09-12T08:00:00Z'))?.state).toBe('posted');
    reopened.store.close();
  });

  it('says why it cannot start when the store is corrupt, and touches nothing else', async () => {
    const dataDir = tempDir('storybot-start-bad-');
    writeFileSync(join(dataDir, 'storybot.db'), 'not a database '.repeat(500));
    const parsed = parseConfig({ LOG_LEVEL: 'silent' });
    if (!parsed.ok) throw new Error('config');
    const result = await startStorybot({
      config: parsed.config,
      corpus: damDir,
      dataDir,
      log: createLogger({ level: 'silent' }),
      input: new PassThrough(),
      output: new PassThrough(),
    });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain(join(dataDir, 'storybot.db'));
  });
});
