import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createOutbox, enqueue, toSend, nextBatch, acknowledge, settle, unconfirmed, unsentCount, wire,
  renumber, withdraw, decidesFate,
} from '../../main/resources/public/terminal/outbox.js';

const add = (name) => ({ type: 'addLine', receiptId: 'r1', lineId: 'l-' + name, name,
  unitPrice: 100, quantity: 1000, vat: '23' });

function three() {
  let o = createOutbox();
  for (const n of ['a', 'b', 'c']) o = enqueue(o, add(n), { receiptName: 'Stolik 1',
    lines: [{ name: n, quantity: 1000 }] }).outbox;
  return o;
}

test('numbers commands in order and sends all pending lowest first', () => {
  const o = three();
  assert.deepEqual(toSend(o).map((e) => e.number), [1, 2, 3]);
  assert.deepEqual(toSend(o).map((e) => e.command.name), ['a', 'b', 'c']);
  assert.equal(o.next, 4);
  assert.equal(unsentCount(o), 3);
});

test('continues numbering from a saved outbox, so numbers never repeat after a reload', () => {
  const saved = JSON.parse(JSON.stringify(three()));
  const { entry } = enqueue(createOutbox(saved), add('d'));
  assert.equal(entry.number, 4);
});

test('does not mutate the outbox it is given', () => {
  const o = three();
  const copy = JSON.parse(JSON.stringify(o));
  acknowledge(o, { n: 1, status: 'accepted', seq: 10 });
  enqueue(o, add('x'));
  assert.deepEqual(JSON.parse(JSON.stringify(o)), copy);
});

test('an accepted command leaves the unsent list and settles once its seq was seen', () => {
  let o = three();
  o = acknowledge(o, { n: 1, status: 'accepted', seq: 10 }).outbox;
  assert.equal(unsentCount(o), 2);
  assert.deepEqual(unconfirmed(o).map((e) => e.number), [1, 2, 3]);
  assert.equal(settle(o, 9).settling.length, 1);
  o = settle(o, 10);
  assert.deepEqual(unconfirmed(o).map((e) => e.number), [2, 3]);
});

test('an accepted command without a seq is dropped at once', () => {
  const o = acknowledge(three(), { n: 2, status: 'accepted' }).outbox;
  assert.deepEqual(unconfirmed(o).map((e) => e.number), [1, 3]);
});

test('an answer repeated or for an unknown number changes nothing', () => {
  let o = acknowledge(three(), { n: 1, status: 'accepted', seq: 5 }).outbox;
  const again = acknowledge(o, { n: 1, status: 'accepted', seq: 5 });
  assert.equal(again.entry, null);
  assert.equal(again.outbox, o);
  assert.equal(acknowledge(o, { n: 99, status: 'refused' }).entry, null);
});

test('a refused line is surfaced with its reason and that it is on no receipt', () => {
  const { outbox, notice } = acknowledge(three(), { n: 2, status: 'refused', code: 'leased',
    message: 'Anna is paying' });
  assert.deepEqual(toSend(outbox).map((e) => e.number), [1, 3]);
  assert.equal(outbox.settling.length, 0);
  assert.deepEqual(notice, {
    kind: 'refused', number: 2, type: 'addLine', code: 'leased', message: 'Anna is paying',
    receiptName: 'Stolik 1', lines: [{ name: 'b', quantity: 1000 }], where: 'nowhere',
  });
});

test('a refused move leaves its lines where they were', () => {
  let o = createOutbox();
  o = enqueue(o, { type: 'moveLines', receiptId: 'r1', targetReceiptId: 'r2',
    lines: [{ lineId: 'x' }] },
    { receiptName: 'Stolik 1', lines: [{ name: 'Kawa', quantity: 2000 }] }).outbox;
  const { notice } = acknowledge(o, { n: 1, status: 'refused', code: 'limit',
    message: 'too many lines' });
  assert.equal(notice.where, 'unchanged');
  assert.deepEqual(notice.lines, [{ name: 'Kawa', quantity: 2000 }]);
});

test('lines the server put on another receipt (paid meanwhile) are surfaced with where they '
  + 'went', () => {
  const { notice } = acknowledge(three(), { n: 3, status: 'accepted', seq: 7,
    result: { receiptId: 'r9', lineId: 'l-c' } });
  assert.equal(notice.kind, 'moved');
  assert.equal(notice.receiptId, 'r9');
  assert.deepEqual(notice.lines, [{ name: 'c', quantity: 1000 }]);
  assert.equal(acknowledge(three(), { n: 3, status: 'accepted', seq: 7,
    result: { receiptId: 'r1' } }).notice, null);
});

test('a duplicate answer is taken as its original outcome', () => {
  const accepted = acknowledge(three(), { n: 1, status: 'duplicate', original: 'accepted',
    seq: 4, space: 'shop:1' });
  assert.equal(accepted.notice, null);
  assert.deepEqual(accepted.outbox.settling.map((e) => [e.number, e.seq, e.space]),
    [[1, 4, 'shop:1']]);
  const refused = acknowledge(three(), { n: 1, status: 'duplicate', original: 'refused',
    code: 'leased', message: 'x' });
  assert.equal(refused.notice.kind, 'refused');
});

test('a gap answer changes nothing and names the number to resend from', () => {
  const o = three();
  const answer = acknowledge(o, { n: 3, status: 'refused', code: 'gap', details: { expected: 2 } });
  assert.equal(answer.gap, 2);
  assert.equal(answer.outbox, o);
  assert.equal(answer.notice, null);
});

test('a number_reused answer changes nothing and names the number to renumber from', () => {
  const o = three();
  const answer = acknowledge(o, { n: 1, status: 'refused', code: 'number_reused',
    details: { expected: 8 } });
  assert.equal(answer.reused, 8);
  assert.equal(answer.gap, null);
  assert.equal(answer.entry, null);
  assert.equal(answer.outbox, o);
  assert.equal(answer.notice, null);
});

test('a number_reused answer without a usable expected number is reported like any refusal, not '
  + 'dropped silently', () => {
  const answer = acknowledge(three(), { n: 2, status: 'refused',
    code: 'number_reused', message: 'x' });
  assert.equal(answer.reused, null);
  assert.equal(answer.notice.kind, 'refused');
  assert.deepEqual(answer.notice.lines, [{ name: 'b', quantity: 1000 }]);
});

test('renumbering moves the pending entries, in order, to the numbers the server expects', () => {
  const o = three(); // 1, 2, 3
  const { outbox, moved } = renumber(o, 57);
  assert.deepEqual(outbox.pending.map((e) => [e.number, e.command.name]),
    [[57, 'a'], [58, 'b'], [59, 'c']]);
  assert.equal(outbox.next, 60);
  assert.equal(moved.get(1), 57);
  assert.equal(enqueue(outbox, add('d')).entry.number, 60);
  assert.deepEqual(o.pending.map((e) => e.number), [1, 2, 3]);
  const empty = renumber(createOutbox({ next: 9 }), 4);
  assert.equal(empty.outbox.next, 4);
  assert.deepEqual(empty.outbox.pending, []);
});

test('settling is per space', () => {
  let o = acknowledge(three(), { n: 1, status: 'accepted', seq: 4, space: 'shop:1' }).outbox;
  o = acknowledge(o, { n: 2, status: 'accepted', seq: 9, space: 'device:5' }).outbox;
  o = settle(o, { 'shop:1': 8, 'device:5': 3 });
  assert.deepEqual(o.settling.map((e) => e.number), [2]);
});

test('the wire form carries the number as n', () => {
  const { entry } = enqueue(createOutbox({ next: 41 }), { type: 'dayClose' });
  assert.deepEqual(wire(entry), { n: 41, type: 'dayClose' });
});

test('a table started offline is sent up to its openTable, then with the real id in place of the '
  + 'alias', () => {
  let o = createOutbox();
  o = enqueue(o, { type: 'openTable', slotId: 's1' }, {}, 0, 'tmp-1').outbox;
  o = enqueue(o, { type: 'addLine', receiptId: 'tmp-1', lineId: 'l1', productId: 3 }).outbox;
  o = enqueue(o, { type: 'moveLines', receiptId: 'r0', targetReceiptId: 'tmp-1',
    lines: [{ lineId: 'q' }] }).outbox;
  assert.deepEqual(nextBatch(o), [{ n: 1, type: 'openTable', slotId: 's1' }]);
  o = acknowledge(o, { n: 1, status: 'accepted', seq: 3, space: 'shop:1',
    result: { receiptId: 'real', generation: 2 } }).outbox;
  assert.deepEqual(nextBatch(o), [
    { n: 2, type: 'addLine', receiptId: 'real', lineId: 'l1', productId: 3 },
    { n: 3, type: 'moveLines', receiptId: 'r0', targetReceiptId: 'real', lines: [{ lineId: 'q' }] },
  ]);
  for (const n of [2, 3]) o = acknowledge(o, { n, status: 'accepted',
    seq: 3 + n, space: 'shop:1' }).outbox;
  assert.deepEqual(o.aliases, { 'tmp-1': 'real' });
  o = settle(o, { 'shop:1': 6 });
  assert.deepEqual(o.aliases, {});
});

test('refuses to queue something that is not a command', () => {
  assert.throws(() => enqueue(createOutbox(), { receiptId: 'r' }), TypeError);
});

test('a batch holds at most max commands, lowest numbers first', () => {
  let o = createOutbox();
  for (let i = 0; i < 5; i++) o = enqueue(o, { type: 'dayClose' }).outbox;
  assert.deepEqual(nextBatch(o, 3).map((c) => c.n), [1, 2, 3]);
});

test('a batch stops before the first entry not stored on the device yet: its number could be given '
  + 'again after a reload', () => {
  const o = three();
  const stored = new Set(o.pending.slice(0, 1));
  assert.deepEqual(nextBatch(o, 200, (e) => stored.has(e)).map((c) => c.n), [1]);
  stored.add(o.pending[2]);
  assert.deepEqual(nextBatch(o, 200, (e) => stored.has(e)).map((c) => c.n), [1],
    'in order: 3 waits for 2');
  stored.add(o.pending[1]);
  assert.deepEqual(nextBatch(o, 200, (e) => stored.has(e)).map((c) => c.n), [1, 2, 3]);
});

test('an entry that could not be stored is withdrawn; its number is not given again', () => {
  const o = withdraw(three(), 2);
  assert.deepEqual(toSend(o).map((e) => e.number), [1, 3]);
  assert.equal(enqueue(o, add('d')).entry.number, 4);
  assert.equal(o.pending[0].command.name, 'a');
});

test('a line added to a table started offline (by its alias) that lands on that table is no '
  + '"moved" notice', () => {
  let o = createOutbox();
  o = enqueue(o, { type: 'openTable', slotId: 's1' }, {}, 0, 'tmp-1').outbox;
  o = enqueue(o, { type: 'addLine', receiptId: 'tmp-1', lineId: 'l1', productId: 3 },
    { receiptName: 'Stolik 3', lines: [{ name: 'Żurek', quantity: 1000 }] }).outbox;
  o = acknowledge(o, { n: 1, status: 'accepted', seq: 3, space: 'shop:1',
    result: { receiptId: 'real', generation: 1 } }).outbox;
  const landed = acknowledge(o, { n: 2, status: 'accepted', seq: 4, space: 'shop:1',
    result: { receiptId: 'real' } });
  assert.equal(landed.notice, null);
  const elsewhere = acknowledge(o, { n: 2, status: 'accepted', seq: 4, space: 'shop:1',
    result: { receiptId: 'attention-1' } });
  assert.equal(elsewhere.notice?.kind, 'moved', 'the table was paid meanwhile: that is still told');
});

test("a new receipt's openAdHoc sent with its first line is not counted as a change of its "
  + "own", () => {
  let o = createOutbox();
  o = enqueue(o, { type: 'openAdHoc', receiptId: 'r' }).outbox;
  assert.equal(unsentCount(o), 1, 'alone it is a change');
  o = enqueue(o, { type: 'addLine', receiptId: 'r', lineId: 'l', productId: 1 }).outbox;
  o = enqueue(o, { type: 'addLine', receiptId: 'r', lineId: 'm', productId: 2 }).outbox;
  assert.equal(unsentCount(o), 2);
});

test('a table move answered before the stream brought the table still decides the fate of the '
  + 'receipt the answer named, until the stream brought its seq', () => {
  let o = createOutbox();
  o = enqueue(o, { type: 'moveReceipt', receiptId: 'old', slotId: 's5' }, {}, 0, 'old').outbox;
  // The server deletes the old receipt (seq 3) and writes the table's (seq 4, the answer's).
  o = acknowledge(o, { n: 1, status: 'accepted', seq: 4, space: 'shop:1',
    result: { receiptId: 'table-5', movedReceiptId: 'old' } }).outbox;
  o = settle(o, { 'shop:1': 3 });
  const [entry] = unconfirmed(o);
  assert.equal(decidesFate(entry, 'table-5', o.aliases), true);
  assert.equal(decidesFate(entry, 'old', o.aliases), true);
  assert.equal(decidesFate(entry, 'other', o.aliases), false);
  o = settle(o, { 'shop:1': 4 });
  assert.deepEqual(unconfirmed(o), []);
});
