import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sending } from '../../main/resources/public/terminal/sending.js';
import { createOutbox, enqueue, nextBatch } from '../../main/resources/public/terminal/outbox.js';

const add = (name) => ({ type: 'addLine', receiptId: 'r1', lineId: 'l-' + name, productId: 1, quantity: 1000 });

// The part of a Terminal that answers take (terminal.js mixes Sending in): its outbox, waiters and notices.
function terminal(names) {
  let outbox = createOutbox();
  for (const n of names) outbox = enqueue(outbox, add(n), { receiptName: 'Stolik 1', lines: [{ name: n, quantity: 1000 }] }).outbox;
  return Object.assign(Object.create(Sending.prototype), {
    outbox, waiters: new Map(), notices: [], state: { cursors: {} }, currentId: null, cached: null,
  });
}

const reused = (n, expected) => ({ n, status: 'refused', code: 'number_reused', message: 'taken', details: { expected } });
const accepted = (n, seq) => ({ n, status: 'accepted', seq, space: 'shop:1' });
const sent = (t) => nextBatch(t.outbox).map((c) => [c.n, c.lineId]);

test('numbers taken by another tab: the entries are renumbered from the expected one and sent again, each once', () => {
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
  assert.deepEqual(t.outbox.settling.map((e) => [e.number, e.command.lineId]), [[5, 'l-a'], [6, 'l-b'], [7, 'l-c']]);
  assert.equal(paid.n, 6); // the waiter followed its entry
  assert.deepEqual(t.notices, []);
});

test('entries answered before the reused number keep their answer; only that one and the later ones move', () => {
  const t = terminal(['a', 'b', 'c']);
  t.answerAll([{ n: 1, status: 'duplicate', original: 'accepted', seq: 4, space: 'shop:1' }, reused(2, 4), reused(3, 4)]);
  assert.deepEqual(t.outbox.settling.map((e) => [e.number, e.command.lineId]), [[1, 'l-a']]);
  assert.deepEqual(sent(t), [[4, 'l-b'], [5, 'l-c']]);
});

test('the answers after a renumbering name old numbers and are left, so none is taken for a moved entry', () => {
  const t = terminal(['a', 'b', 'c']);
  t.answerAll([reused(1, 2), accepted(2, 9)]);
  assert.deepEqual(sent(t), [[2, 'l-a'], [3, 'l-b'], [4, 'l-c']]);
  assert.deepEqual(t.outbox.settling, []);
});
