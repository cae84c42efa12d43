import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { CommandQueue } from '../../main/resources/public/terminal/command-queue.js';
import { ApiError, NetworkError } from '../../main/resources/public/terminal/api.js';
import { nextBatch } from '../../main/resources/public/terminal/outbox.js';

const add = (name) => ({ type: 'addLine', receiptId: 'r1', lineId: 'l-' + name, productId: 1,
  quantity: 1000 });

// A queue without I/O holding these commands, numbered 1, 2, ...: what its answers take.
function terminal(names) {
  const queue = new CommandQueue();
  for (const n of names) {
    queue.enqueue(add(n), { receiptName: 'Stolik 1', lines: [{ name: n, quantity: 1000 }] });
  }
  return queue;
}

const reused = (n, expected) => ({ n, status: 'refused', code: 'number_reused', message: 'taken',
  details: { expected } });
const accepted = (n, seq) => ({ n, status: 'accepted', seq, space: 'shop:1' });
const sent = (t) => nextBatch(t.outbox).map((c) => [c.n, c.lineId]);

test('numbers taken by another tab: the entries are renumbered from the expected one and sent '
  + 'again, each once', () => {
  const t = terminal(['a', 'b', 'c']); // 1, 2, 3; the server already holds 1..4 from another tab
  let paid = null;
  t.waiters.set(2, (ack) => { paid = ack; });
  t.answerAll([reused(1, 5), reused(2, 5), reused(3, 5)]);
  assert.deepEqual(sent(t), [[5, 'l-a'], [6, 'l-b'], [7, 'l-c']]);
  assert.equal(t.outbox.next, 8);
  assert.deepEqual(t.notices, []);
  assert.equal(paid, null);
  t.answerAll([accepted(5, 10), accepted(6, 11), accepted(7, 12)]);
  assert.deepEqual(sent(t), []);
  assert.deepEqual(t.outbox.settling.map((e) => [e.number, e.command.lineId]),
    [[5, 'l-a'], [6, 'l-b'], [7, 'l-c']]);
  assert.equal(paid.n, 6); // the waiter followed its entry
  assert.deepEqual(t.notices, []);
});

test('entries answered before the reused number keep their answer; only that one and the later '
  + 'ones move', () => {
  const t = terminal(['a', 'b', 'c']);
  t.answerAll([{ n: 1, status: 'duplicate', original: 'accepted', seq: 4, space: 'shop:1' },
    reused(2, 4), reused(3, 4)]);
  assert.deepEqual(t.outbox.settling.map((e) => [e.number, e.command.lineId]), [[1, 'l-a']]);
  assert.deepEqual(sent(t), [[4, 'l-b'], [5, 'l-c']]);
});

test('the answers after a renumbering name old numbers and are left, so none is taken for a moved '
  + 'entry', () => {
  const t = terminal(['a', 'b', 'c']);
  t.answerAll([reused(1, 2), accepted(2, 9)]);
  assert.deepEqual(sent(t), [[2, 'l-a'], [3, 'l-b'], [4, 'l-c']]);
  assert.deepEqual(t.outbox.settling, []);
});

// ---- dispatch, sending and retries (the queue with its hooks, a fake API) ----------------------

/** A queue whose API answers every command accepted, unless {@code fail} throws first. */
function wired({ persist = async () => true, fail = null, hooks = {}, log = [] } = {}) {
  const sent = [];
  const reports = [];
  const api = {
    async commands(batch) {
      sent.push(batch.map((c) => c.n));
      log.push('sent');
      if (fail) fail();
      return { body: batch.map((c) => accepted(c.n, 100 + c.n)) };
    },
  };
  const queue = new CommandQueue({ api, persist, canSend: () => true, selling: () => true,
    report: (m) => reports.push(m), ...hooks });
  return { queue, sent, reports, api };
}

test('a dispatched command is stored before it is sent, and its answer resolves the '
  + 'dispatch', async () => {
  const order = [];
  const { queue, sent } = wired({ log: order, persist: async () => {
    order.push('stored');
    queue.markSaved(queue.outbox);
    return true;
  } });
  const { number, answered } = await queue.dispatch(add('a'), { receiptName: 'Stolik 1' });
  assert.equal(number, 1);
  assert.equal((await answered).status, 'accepted');
  await queue.flushing;
  assert.deepEqual(order, ['stored', 'sent', 'stored'], 'stored, sent, the answer stored');
  assert.deepEqual(sent, [[1]]);
  assert.equal(queue.unsent, 0);
  assert.deepEqual(queue.outbox.settling.map((e) => e.number), [1],
    'settling until the stream has it');
});

test('a command whose write failed is not taken: withdrawn with what came with it, told, never '
  + 'sent', async () => {
  let undone = false;
  const { queue, sent } = wired({ persist: async () => false,
    hooks: { storageError: () => 'QuotaExceededError', t: (key) => key } });
  const lead = queue.enqueue({ type: 'openAdHoc', receiptId: 'r1' });
  const { answered } = await queue.dispatch(add('a'), { receiptName: 'Sprzedaż 2' }, null, () => {
    queue.withdraw(lead);
    undone = true;
  });
  assert.equal(undone, true);
  assert.deepEqual(queue.outbox.pending, []);
  assert.equal(queue.outbox.next, 3, 'numbers are never given twice');
  const ack = await answered;
  assert.deepEqual([ack.status, ack.code, ack.message], ['refused', 'not_saved', 'error.storage']);
  assert.deepEqual(queue.notices.map((n) => [n.kind, n.code, n.message, n.receiptName]),
    [['unsaved', 'not_saved', 'QuotaExceededError', 'Sprzedaż 2']]);
  assert.deepEqual(sent, []);
});

test('only entries stored on this device are sent; the rest wait for their write', async () => {
  const { queue, sent } = wired();
  queue.enqueue(add('a'));
  queue.markSaved(queue.outbox);
  queue.enqueue(add('b'));
  await queue.flush();
  assert.deepEqual(sent, [[1]]);
  assert.deepEqual(queue.outbox.pending.map((e) => e.number), [2]);
});

test('a failed request is tried again after 1 s, doubling to 30 s; an answer resets the '
  + 'delay', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let down = true;
    const { queue, sent } = wired({ fail: () => {
      if (down) throw new NetworkError('offline');
    } });
    queue.enqueue(add('a'));
    queue.markSaved(queue.outbox);
    await queue.flush();
    const delays = [];
    for (let i = 0; i < 7; i++) {
      delays.push(queue.retryDelay);
      mock.timers.tick(queue.retryDelay);
      await queue.flushing;
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    down = false;
    mock.timers.tick(queue.retryDelay);
    await queue.flushing;
    assert.equal(queue.retryDelay, 0);
    assert.equal(queue.unsent, 0);
    assert.equal(sent.length, 9);
  } finally {
    mock.timers.reset();
  }
});

test('a refused session stops sending; a server error keeps everything and is said', async () => {
  let refused = 0;
  const unauthorized = wired({ fail: () => {
    throw new ApiError(401, {});
  }, hooks: { unauthorized: () => refused++ } });
  unauthorized.queue.enqueue(add('a'));
  unauthorized.queue.markSaved(unauthorized.queue.outbox);
  await unauthorized.queue.flush();
  assert.equal(refused, 1);
  assert.equal(unauthorized.queue.retryTimer, null, 'no retry under a refused session');

  const broken = wired({ fail: () => {
    throw new ApiError(503, {});
  }, hooks: { t: (key, args) => `${key}:${args.status}` } });
  broken.queue.enqueue(add('a'));
  broken.queue.markSaved(broken.queue.outbox);
  const error = console.error;
  console.error = () => {};
  try {
    await broken.queue.flush();
  } finally {
    console.error = error;
  }
  assert.deepEqual(broken.reports, ['error.server:503']);
  assert.equal(broken.queue.unsent, 1);
  assert.notEqual(broken.queue.retryTimer, null);
  broken.queue.stop();
  assert.equal(broken.queue.retryTimer, null);
});

test('a 503 unavailable (the server\'s database is down) keeps everything, says so, never logs '
  + 'out, and tries again after Retry-After until it is taken once', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let down = true;
    let refused = 0;
    const { queue, sent, reports } = wired({ fail: () => {
      if (down) throw new ApiError(503, { error: 'unavailable', message: 'down' }, 1);
    }, hooks: { unauthorized: () => refused++ } });
    queue.enqueue(add('a'));
    queue.markSaved(queue.outbox);
    await queue.flush();
    assert.deepEqual(reports, ['error.unavailable']);
    assert.equal(queue.unsent, 1);
    const delays = [];
    for (let i = 0; i < 5; i++) {
      delays.push(queue.retryDelay);
      mock.timers.tick(queue.retryDelay);
      await queue.flushing;
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 5000, 5000], 'from Retry-After, at most 5 s apart');
    down = false;
    mock.timers.tick(queue.retryDelay);
    await queue.flushing;
    assert.equal(queue.unsent, 0);
    assert.equal(refused, 0);
    assert.deepEqual(sent, [[1], [1], [1], [1], [1], [1], [1]]);
    assert.equal(reports.at(-1), null, 'the message goes once the server took them');
  } finally {
    mock.timers.reset();
  }
});

test('a pairing renumbers what was not sent from the server\'s number and forgets what '
  + 'settled', () => {
  const q = terminal(['a', 'b']);
  q.answerAll([accepted(1, 10)]);
  q.startAt(40);
  assert.deepEqual(q.outbox.pending.map((e) => [e.number, e.command.lineId]), [[40, 'l-b']]);
  assert.deepEqual(q.outbox.settling, []);
  assert.equal(q.outbox.next, 41);
  const empty = new CommandQueue();
  empty.alignNumbers(12);
  assert.equal(empty.outbox.next, 12, 'with nothing pending the counter follows the server');
});

test('an offline payment the server kept for the manager is told as an attention notice; a plain '
  + 'sale is not', () => {
  const queue = new CommandQueue();
  const pay = (id) => ({ type: 'payOffline', receiptId: id, seenSeq: 3, amount: 900, method: 'cash',
    paidAt: 1 });
  queue.enqueue(pay('r1'), { receiptName: 'Stolik 1', lines: [] });
  queue.enqueue(pay('r2'), { receiptName: 'Stolik 2', lines: [] });
  queue.answerAll([
    { n: 1, status: 'accepted', seq: 9, space: 'shop:1', result: { attention: 'PAID_TWICE' } },
    { n: 2, status: 'accepted', seq: 10, space: 'shop:1', result: { attention: null, total: 900 } },
  ]);
  assert.deepEqual(queue.notices.map((n) => [n.kind, n.code, n.receiptName]),
    [['attention', 'PAID_TWICE', 'Stolik 1']]);
});
