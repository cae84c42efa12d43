// Delta frames (docs/protocol.md "Stream"): a change onto the receipt the terminal holds at the
// delta's prev; anything else asks for a snapshot of the space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyState, applyFrame, keepSpaces, withDelta, needsSnapshot,
} from '../../main/resources/public/terminal/state.js';

const line = (id, quantity = 1000) => ({ id, productId: null, name: id, unitPrice: 900, quantity,
  vat: '23', note: null, sent: false, total: 900 * quantity / 1000, modifiers: [], discount: null,
  due: 900 * quantity / 1000 });
const header = (id, seq, over = {}) => ({
  id, space: 'shop:1', shopId: 1, slotId: null, name: id, kind: 'AD_HOC', state: 'OPEN',
  ownerUserId: 1, ownerRoleId: 1, createdOnDevice: 1, attention: false, note: null, guests: 0,
  lease: null, total: 0, seq, contentSeq: seq, updatedAt: seq, ...over,
});
const receipt = (id, seq, lines, over = {}) => ({ ...header(id, seq, over), lines });
const delta = (id, seq, prev, lines, removed = [], over = {}) => ({
  type: 'delta', space: 'shop:1', seq, id, prev, receipt: header(id, seq, over), lines, removed,
});
const start = (...receipts) => applyFrame(emptyState(),
  { type: 'snapshot', space: 'shop:1', seq: 10, receipts, occupied: [], generations: {} });

test('a delta replaces changed lines in place, drops removed ones, appends added ones and takes '
  + 'every other field', () => {
  let s = start(receipt('r', 10, [line('a'), line('b'), line('c')]));
  s = applyFrame(s, delta('r', 11, 10, [line('b', 3000), line('d')], ['a'],
    { note: 'okno', total: 4500 }));
  assert.deepEqual(s.receipts.r.lines.map((l) => [l.id, l.quantity]),
    [['b', 3000], ['c', 1000], ['d', 1000]]);
  assert.equal(s.receipts.r.note, 'okno');
  assert.equal(s.receipts.r.total, 4500);
  assert.equal(s.receipts.r.seq, 11);
  assert.equal(s.receipts.r.space, 'shop:1');
  assert.equal(s.cursors['shop:1'], 11);
  assert.equal(needsSnapshot(s, 'shop:1'), false);
});

test('the receipt a delta gives equals the whole receipt the server would send', () => {
  const before = receipt('r', 4, [line('a'), line('b')]);
  const after = receipt('r', 5, [line('b'), line('c', 2000)], { total: 2700 });
  const d = delta('r', 5, 4, [line('c', 2000)], ['a'], { total: 2700 });
  assert.deepEqual(withDelta(before, d), after);
});

test('a delta of a closed or deleted receipt drops it; "by" counts as with a receipt frame', () => {
  let s = start(receipt('r', 10, [line('a')]));
  s = applyFrame(s, { ...delta('r', 11, 10, [], [], { state: 'CLOSED' }), by: { n: 7 } });
  assert.equal(s.receipts.r, undefined);
  assert.equal(s.applied['shop:1'], 7);
  assert.equal(s.cursors['shop:1'], 11);
});

test('a delta onto another seq than the held one, or onto nothing held, asks for a snapshot: the '
  + 'cursor is dropped and the space\'s frames wait for it', () => {
  for (const held of [receipt('r', 9, [line('a')]), null,
    { id: 'r', slotId: 's', name: 'Stolik 1', kind: 'TABLE', state: 'OPEN', occupied: true }]) {
    let s = start(...(held ? [held] : []));
    s = applyFrame(s, delta('r', 11, 10, [line('b')]));
    assert.equal(needsSnapshot(s, 'shop:1'), true);
    assert.equal(s.cursors['shop:1'], undefined);
    const waiting = s;
    assert.equal(applyFrame(s, { type: 'receipt', space: 'shop:1', seq: 12,
      receipt: receipt('x', 12, []) }), waiting);
    assert.equal(applyFrame(s, delta('r', 12, 11, [])), waiting);
    s = applyFrame(s, { type: 'snapshot', space: 'shop:1', seq: 12,
      receipts: [receipt('r', 11, [line('a'), line('b')])], occupied: [], generations: {} });
    assert.equal(needsSnapshot(s, 'shop:1'), false);
    assert.equal(s.cursors['shop:1'], 12);
    assert.deepEqual(s.receipts.r.lines.map((l) => l.id), ['a', 'b']);
  }
});

test('a delta already contained, or of a receipt that moved to another space since, changes '
  + 'only the cursor', () => {
  let s = start(receipt('r', 10, [line('a')]));
  s = applyFrame(s, { type: 'snapshot', space: 'device:4', seq: 2, occupied: [], generations: {},
    receipts: [receipt('m', 2, [line('x')], { space: 'device:4' })] });
  // A whole receipt read later than its frame's seq (a snapshot of the other space) is ahead.
  const ahead = applyFrame(s, delta('m', 13, 12, [line('y')], [], {})); // of shop:1, m is elsewhere
  assert.deepEqual(ahead.receipts.m.lines.map((l) => l.id), ['x']);
  assert.equal(ahead.cursors['shop:1'], 13);
  const repeated = applyFrame(s, delta('r', 10, 9, [line('z')]));
  assert.equal(repeated, s);
  assert.equal(needsSnapshot(ahead, 'shop:1'), false);
});

test('a welcome keeps the resync marks of the spaces it keeps only', () => {
  let s = applyFrame(start(), delta('r', 11, 10, []));
  assert.equal(needsSnapshot(keepSpaces(s, ['shop:1', 'device:4']), 'shop:1'), true);
  assert.deepEqual(keepSpaces(s, ['device:4']).resync, {});
});
