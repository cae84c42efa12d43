// The terminal's smaller parts: configuration sync (config-sync.js), the stream connection
// (connection.js) and the cashier's actions (actions.js), each with fakes for what it is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigSync } from '../../main/resources/public/terminal/config-sync.js';
import { Connection } from '../../main/resources/public/terminal/connection.js';
import { CashierActions } from '../../main/resources/public/terminal/actions.js';
import { CommandQueue } from '../../main/resources/public/terminal/command-queue.js';
import { ReceiptsView } from '../../main/resources/public/terminal/receipts-view.js';
import { ApiError } from '../../main/resources/public/terminal/api.js';

test('a sync applies a newer configuration, stores it and acknowledges it; 304 keeps it, still '
  + 'acked', async () => {
  const acks = [];
  const stored = [];
  let answer = { status: 200, body: { config: { revision: 5, products: [] } } };
  const api = {
    config: async () => answer,
    ack: async (revision) => {
      acks.push(revision);
      return { body: { revision: 5, syncRequested: false } };
    },
  };
  const store = { put: async (k, v) => stored.push([k, v.revision]) };
  const sync = new ConfigSync({ api, store: () => store });
  await sync.syncConfig();
  assert.equal(sync.config.revision, 5);
  assert.deepEqual(stored, [['config', 5]]);
  answer = { status: 304, body: null };
  await sync.syncConfig();
  assert.deepEqual(acks, [5, 5],
    'the ack answers the back office\'s request also when nothing was newer');
  assert.equal(sync.behind, false);
});

test('a sync state answer that overtook a later question is dropped; behind means a newer '
  + 'revision', () => {
  const sync = new ConfigSync({ api: {}, store: () => null });
  sync.config = { revision: 3 };
  const early = sync.askSyncState();
  const late = sync.askSyncState();
  sync.applySyncState(late, { revision: 4, syncRequested: true });
  sync.applySyncState(early, { revision: 3, syncRequested: false });
  assert.equal(sync.latestRevision, 4);
  assert.equal(sync.syncRequested, true);
  assert.equal(sync.behind, true);
});

test('a heartbeat refused with 401 cuts the device off', async () => {
  let cut = 0;
  const api = { heartbeat: async () => {
    throw new ApiError(401, {});
  } };
  await new ConfigSync({ api, store: () => null, unauthorized: () => cut++ }).heartbeat();
  assert.equal(cut, 1);
});

test('the connection takes the server\'s clock from heartbeats and passes every other frame '
  + 'on', () => {
  const api = { serverOffset: 0, clockFromStream: false };
  const frames = [];
  const statuses = [];
  const link = new Connection(api, { url: () => 'ws://x', hello: () => ({}),
    onFrame: (f) => frames.push(f.type), onStatus: (s) => statuses.push(s) });
  link.frame({ type: 'heartbeat', time: Date.now() + 60_000 });
  assert.ok(api.serverOffset > 59_000 && api.serverOffset <= 60_000);
  assert.equal(api.clockFromStream, true);
  link.frame({ type: 'snapshot' });
  assert.deepEqual(frames, ['snapshot']);
  link.set('connecting');
  link.set('online');
  link.set('online');
  assert.deepEqual(statuses, ['connecting', 'online'], 'a state is told once');
  link.stop();
  assert.equal(link.status, 'offline');
});

/** Actions over a real view and queue; {@code persist} says whether the write succeeds. */
function actions(persist = async () => true) {
  let queue = null;
  const view = new ReceiptsView(() => ({ me: { userId: 1 }, deviceId: 7, config: null,
    outbox: queue.outbox, lang: 'en', now: 0 }));
  queue = new CommandQueue({ persist, invalidate: () => view.invalidate(), t: (k) => k });
  const a = new CashierActions({ view, queue, session: { can: () => false, me: { userId: 1 } } }, {
    select: (id) => {
      view.currentId = id;
    },
    ensureCurrent: () => {}, changed: () => {}, t: (key, args) => `${key}:${args?.number}`,
  });
  return { a, view, queue };
}

test('the draft is created on the server by its first command: openAdHoc goes first, in the same '
  + 'write', async () => {
  const { a, view, queue } = actions();
  await a.openAdHoc();
  const draft = view.draft.id;
  assert.equal(view.currentId, draft);
  await a.openAdHoc();
  assert.equal(view.draft.id, draft, 'one draft at most');
  assert.deepEqual(queue.outbox.pending, [], 'nothing on the server yet');
  await a.addFree('Woda', 500, '8');
  assert.deepEqual(queue.outbox.pending.map((e) => [e.number, e.command.type, e.command.receiptId]),
    [[1, 'openAdHoc', draft], [2, 'addLine', draft]]);
  assert.equal(view.draft, null);
  assert.equal(view.reveal, queue.outbox.pending[1].command.lineId, 'the new line is scrolled to');
});

test('a first command whose write failed takes its openAdHoc back and keeps the '
  + 'draft', async () => {
  const { a, view, queue } = actions(async () => false);
  await a.openAdHoc();
  const draft = view.draft;
  await a.addFree('Woda', 500, '8');
  assert.deepEqual(queue.outbox.pending, []);
  assert.equal(view.draft, draft);
  assert.deepEqual(queue.notices.map((n) => n.code), ['not_saved']);
});

test('deleting the draft sends nothing; lines without permission keep sent lines', async () => {
  const { a, view, queue } = actions();
  await a.openAdHoc();
  await a.remove(view.receipts[view.draft.id]);
  assert.equal(view.draft, null);
  assert.equal(view.currentId, null);
  assert.deepEqual(queue.outbox.pending, []);
  assert.equal(a.mayLower({ sent: true }), false);
  assert.equal(a.mayLower({ sent: false }), true);
  assert.equal(a.nextName().name, 'receipt.saleName:1');
});
