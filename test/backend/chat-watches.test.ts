import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { Pool } from 'pg';
import { ChatWatches, WATCH_EVERY_MS } from '../../backend/realtime/chat-watches.ts';

/**
 * A database that has stopped answering: every query waits until the test lets them all fail.
 * (The real pool waits up to its connection timeout, 30 s, three heartbeats.)
 */
function hangingPool() {
  const waiting: ((error: Error) => void)[] = [];
  const pool = {
    query: () => new Promise((_, reject) => waiting.push(reject)),
  } as unknown as Pool;
  return {
    pool,
    waiting,
    failAll() {
      for (const reject of waiting.splice(0)) reject(new Error('connection timeout'));
    },
  };
}

describe('chat watchers shared through the database', () => {
  it('never piles heartbeats up behind a database that hangs, and writes again once it answers', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const logged: string[] = [];
    const database = hangingPool();
    const watches = new ChatWatches(database.pool, (line) => logged.push(line));
    try {
      watches.countFrom(() => new Map([['conversation-1', 1]]));
      for (let beat = 0; beat < 6; beat++) mock.timers.tick(WATCH_EVERY_MS);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(database.waiting.length, 1, 'one heartbeat waiting, not six');

      database.failAll();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(logged.length, 1);
      assert.match(logged[0]!, /not written: connection timeout/);
      assert.equal(database.waiting.length, 0, 'no heartbeats were queued behind it');
      mock.timers.tick(WATCH_EVERY_MS);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(database.waiting.length, 1, 'the next heartbeat is written');
    } finally {
      mock.timers.reset();
      database.failAll();
    }
  });
});
