// tab-guard.js with node's own BroadcastChannel (real message passing between instances, as between
// tabs) and a Map standing in for localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TabGuard } from '../../main/resources/public/terminal/tab-guard.js';

function storage() {
  const m = new Map();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k) };
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const close = (...guards) => guards.forEach((g) => { clearInterval(g.pulses); g.channel?.close(); });

// A guard whose channel and timers do not keep this test process alive should one be left open.
class Guard extends TabGuard {
  constructor(options) {
    super(options);
    this.channel?.unref?.();
  }
  async claim() {
    const claimed = super.claim();
    this.pulses?.unref?.();
    return claimed;
  }
}

test('the tab opened last takes over; the other steps back after its last writes, before the new one reads', async () => {
  const shared = storage();
  // A long handover bound: under a loaded machine the message may take seconds, and this test is
  // about the order of the handover, not about the bound (the timeout is the 'no answer' test's
  // matter).
  // A clock that always moves: the two claims must not fall in the same millisecond, which is the
  // tie the 'same instant' test is about (there the claim with the lower id waits; here it flaked).
  let clock = Date.now();
  const now = () => ++clock;
  const first = new Guard({ storage: shared, handoverMs: 30_000, now });
  await first.claim();
  const events = [];
  first.onLost = async () => {
    events.push('first stepping back');
    await tick(50); // its last write still under way
    events.push('first stored');
  };
  const second = new Guard({ storage: shared, handoverMs: 30_000, now });
  await second.claim();
  events.push('second reads');
  assert.deepEqual(events, ['first stepping back', 'first stored', 'second reads']);
  assert.equal(first.working, false);
  assert.equal(second.working, true);
  close(first, second);
});

test('with no other tab working it starts at once, without waiting for an answer', async () => {
  const shared = storage();
  const stale = new Guard({ storage: shared, now: () => Date.now() - 300_000 });
  stale.working = true;
  stale.pulse(); // a tab that crashed five minutes ago
  stale.working = false;
  const alone = new Guard({ storage: shared });
  const started = Date.now();
  await alone.claim();
  assert.ok(Date.now() - started < 200, 'no handover wait');
  close(stale, alone);
});

test('two tabs claiming in the same instant: exactly one works (the later claim)', async () => {
  const shared = storage();
  let clock = 1000;
  const a = new Guard({ storage: shared, now: () => clock });
  const b = new Guard({ storage: shared, now: () => clock });
  a.onLost = () => {};
  b.onLost = () => {};
  const claims = [a.claim()];
  clock = 1001;
  claims.push(b.claim());
  await Promise.all(claims);
  await tick();
  assert.deepEqual([a.working, b.working], [false, true]);
  close(a, b);
});

test('a closed tab clears its pulse, so the next one need not wait for it', async () => {
  const shared = storage();
  const a = new Guard({ storage: shared });
  await a.claim();
  a.release();
  const b = new Guard({ storage: shared });
  assert.equal(b.otherWorking(), false);
  close(a, b);
});

test('a working tab in the background, whose pulse the browser ran a minute ago, still counts as working', async () => {
  const shared = storage();
  const background = new Guard({ storage: shared, now: () => Date.now() - 61_000 });
  background.working = true;
  background.pulse();
  const next = new Guard({ storage: shared });
  assert.equal(next.otherWorking(), true);
  close(background, next);
});
