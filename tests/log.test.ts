import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { memoryStream } from './helpers/memory-stream.js';

describe('createLogger', () => {
  it('writes JSON lines with token fields redacted', () => {
    const out = memoryStream();
    createLogger({ pretty: false, destination: out.destination }).info({ botToken: 'xoxb-secret', channel: 'C1' }, 'posted the digest');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'posted the digest', channel: 'C1', botToken: '[redacted]' });
    expect(out.text()).not.toContain('xoxb-secret');
  });

  it('writes readable lines for a terminal, loading the pretty printer only then, with token fields redacted', () => {
    const out = memoryStream();
    createLogger({ pretty: true, destination: out.destination }).warn({ token: 'discord-secret' }, 'the gateway closed');
    expect(out.text()).toContain('the gateway closed');
    expect(out.text()).toContain('WARN');
    expect(out.text()).toContain('[redacted]');
    expect(out.text()).not.toContain('discord-secret');
    expect(() => JSON.parse(out.text())).toThrow();
  });
});
