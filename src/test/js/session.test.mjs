// The session (session.js): pairing, login, logout and the ends the server decides, with fakes for
// the parts it asks (queue, sync, view, store) and a fake API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../main/resources/public/terminal/session.js';
import { CommandQueue } from '../../main/resources/public/terminal/command-queue.js';
import { ReceiptsView } from '../../main/resources/public/terminal/receipts-view.js';
import { ApiError, NetworkError } from '../../main/resources/public/terminal/api.js';

const add = (name) => ({ type: 'addLine', receiptId: 'r1', lineId: 'l-' + name, productId: 1,
  quantity: 1000 });

/** A session over a real queue and view, a recording store and sync, {@code api} over a default. */
function session(api = {}) {
  const log = [];
  const writes = [];
  const store = { putAll: async (records) => writes.push(records),
    clear: async () => log.push('clear') };
  const fullApi = {
    pair: async () => ({ body: { token: 'dev-1', device: { id: 7, name: 'Kasa 1' },
      nextCommand: 20 } }),
    login: async () => ({ body: { sessionToken: 's-1', user: { id: 1, name: 'Anna', roleId: 1 },
      revision: 4, loginMode: 'PIN', nextCommand: 30 } }),
    logout: async () => log.push('api.logout'),
    heartbeat: async () => ({ body: {} }),
    ...api,
  };
  const sync = { config: null, syncConfig: async () => log.push('sync') };
  const queue = new CommandQueue();
  const view = new ReceiptsView(() => ({ me: null, outbox: queue.outbox, lang: 'pl', now: 0 }));
  const errors = [];
  const s = new Session({ api: fullApi, store: () => store, queue, sync, view }, {
    start: () => log.push('start'), stop: () => log.push('stop'), changed: () => {},
    report: (m) => errors.push(m), t: (key) => key,
  });
  return { s, log, writes, queue, view, errors, api: fullApi };
}

test('pairing keeps what was not sent, numbered from where the server stands, and '
  + 'syncs', async () => {
  const { s, log, writes, queue } = session();
  queue.enqueue(add('a'));
  queue.enqueue(add('b'));
  await s.pair(' ABCDEFGH ');
  assert.equal(s.device.token, 'dev-1');
  assert.equal(s.api.deviceToken, 'dev-1');
  assert.equal(s.phase, 'login');
  assert.deepEqual(queue.outbox.pending.map((e) => e.number), [20, 21]);
  assert.deepEqual(Object.keys(writes[0]).sort(),
    ['config', 'device', 'outbox', 'receipts', 'session']);
  assert.deepEqual(log, ['sync']);
});

test('a login without the network still logs in (the configuration syncs later) and starts '
  + 'selling', async () => {
  const { s, log, queue } = session();
  s.sync.syncConfig = async () => {
    throw new NetworkError('offline');
  };
  s.restore({ token: 'dev-1', id: 7 }, null);
  await s.logIn('anna', '1234');
  assert.equal(s.phase, 'sale');
  assert.deepEqual(s.me, { userId: 1, roleId: 1, userName: 'Anna' });
  assert.equal(s.api.sessionToken, 's-1');
  assert.equal(queue.outbox.next, 30, 'numbering follows the server');
  assert.deepEqual(log, ['start']);
});

test('logout refuses while changes are unsent; otherwise the stream stops before the server is '
  + 'asked', async () => {
  const { s, log, view } = session();
  s.restore({ token: 'dev-1', id: 7 }, { token: 's-1', user: { id: 1 } });
  s.queue.enqueue(add('a'));
  await assert.rejects(s.logout(), /menu.unsent/);
  assert.equal(s.phase, 'sale');
  s.queue.restore(null, []);
  view.currentId = 'r1';
  await s.logout();
  assert.deepEqual(log, ['stop', 'api.logout']);
  assert.equal(s.phase, 'login');
  assert.equal(s.api.sessionToken, null);
  assert.equal(view.currentId, null);
});

test('a stream closed with 4410 ends the session; otherwise the heartbeat tells session from '
  + 'device', async () => {
  const ended = session();
  ended.s.restore({ token: 'dev-1', id: 7 }, { token: 's-1', user: { id: 1 } });
  await ended.s.refused({ code: 4410 });
  assert.equal(ended.s.phase, 'login');
  assert.deepEqual(ended.errors, ['error.session']);

  const alive = session();
  alive.s.restore({ token: 'dev-1', id: 7 }, { token: 's-1', user: { id: 1 } });
  await alive.s.refused({ code: 4401 });
  assert.equal(alive.s.phase, 'login', 'the device answers: only the session ended');

  const revoked = session({ heartbeat: async () => {
    throw new ApiError(401, {});
  } });
  revoked.s.restore({ token: 'dev-1', id: 7 }, { token: 's-1', user: { id: 1 } });
  await revoked.s.refused({ code: 4401 });
  assert.equal(revoked.s.phase, 'pair');
  assert.deepEqual(revoked.errors, ['error.unpaired']);
});
