// The stream's reconnect rules (stream.js), with node's mocked timers and a stand-in for the
// browser's WebSocket that records what the Stream does with it (the real one is exercised by the
// browser tests).
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE, Stream } from '../../main/resources/public/terminal/stream.js';

class FakeSocket {
  static all = [];
  static OPEN = 1;
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closedWith = null;
    this.readyState = 0;
    FakeSocket.all.push(this);
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close(code, reason) {
    this.closedWith = { code, reason };
  }
  // What the server (or the network) does to it:
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  frame(frame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function stream() {
  FakeSocket.all = [];
  globalThis.WebSocket = FakeSocket;
  const states = [];
  const frames = [];
  const s = new Stream({
    url: () => 'ws://paragon/api/terminal/stream',
    hello: () => ({ type: 'hello' }),
    onFrame: (f) => frames.push(f),
    onState: (st) => states.push(st),
  });
  return { s, states, frames };
}

const welcome = { type: 'welcome', viewer: 'all', spaces: [], resume: {}, heartbeatSeconds: 15 };

test('after a 4000 close it connects again at once, and backs off when that fails (no tight '
  + 'loop)', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { s } = stream();
  s.start();
  FakeSocket.all[0].open();
  FakeSocket.all[0].frame(welcome);
  FakeSocket.all[0].drop(4000);
  t.mock.timers.tick(0);
  assert.equal(FakeSocket.all.length, 2, 'reconnected at once');
  FakeSocket.all[1].drop(1006);
  t.mock.timers.tick(300);
  assert.equal(FakeSocket.all.length, 2, 'a failed reconnect waits (0.5 s +-25 %)');
  t.mock.timers.tick(400);
  assert.equal(FakeSocket.all.length, 3);
  for (let i = 0; i < 20; i++) {
    FakeSocket.all.at(-1).drop(1006);
    t.mock.timers.tick(6500);
  }
  assert.equal(FakeSocket.all.length, 23, 'one attempt per backoff, at most 5 s (+25 %) apart');
  s.stop();
});

test('a connection silent for two heartbeats is given up at once: offline, retried, its late '
  + 'frames ignored', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { s, states, frames } = stream();
  s.start();
  const first = FakeSocket.all[0];
  first.open();
  first.frame(welcome);
  assert.equal(states.at(-1), 'online');
  t.mock.timers.tick(35_001);
  assert.equal(states.at(-1), 'offline', 'not waiting for a closing handshake');
  assert.deepEqual(first.closedWith, { code: 4000, reason: 'silent' });
  first.frame({ type: 'heartbeat', time: 1 });
  first.drop(1006);
  assert.equal(frames.filter((f) => f.type === 'heartbeat').length, 0,
    'a late frame of the given-up socket');
  t.mock.timers.tick(700);
  assert.equal(FakeSocket.all.length, 2, 'retried');
  s.stop();
});

test('a connection that never gets its welcome is given up after 10 s', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { s, states } = stream();
  s.start();
  t.mock.timers.tick(9_999);
  assert.equal(states.at(-1), 'connecting');
  t.mock.timers.tick(2);
  assert.equal(states.at(-1), 'offline');
  t.mock.timers.tick(700);
  assert.equal(FakeSocket.all.length, 2);
  s.stop();
});

test('a stream replaced by a newer one of this device (4409) stays stopped', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { s } = stream();
  s.start();
  FakeSocket.all[0].open();
  FakeSocket.all[0].frame(welcome);
  FakeSocket.all[0].drop(4409);
  t.mock.timers.tick(60_000);
  assert.equal(FakeSocket.all.length, 1);
  mock.reset();
});

test('a hello the database could not check (4503) and a stopping node (1001) are reconnected with '
  + 'backoff, never taken as a logout', (t) => {
  for (const code of [CLOSE.TRY_AGAIN, CLOSE.GOING_AWAY]) {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    FakeSocket.all = [];
    globalThis.WebSocket = FakeSocket;
    const refused = [];
    const s = new Stream({
      url: () => 'ws://paragon/api/terminal/stream',
      hello: () => ({ type: 'hello' }),
      onFrame: () => {},
      onState: () => {},
      onRefused: (r) => refused.push(r),
    });
    s.start();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(code);
    t.mock.timers.tick(300);
    assert.equal(FakeSocket.all.length, 1, `${code}: not at once (0.5 s +-25 %)`);
    t.mock.timers.tick(400);
    assert.equal(FakeSocket.all.length, 2, `${code}: reconnected`);
    FakeSocket.all[1].open();
    FakeSocket.all[1].frame(welcome);
    assert.deepEqual(refused, [], `${code}: no login or pairing asked for`);
    s.stop();
    t.mock.timers.reset();
  }
});
