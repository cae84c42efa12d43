import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickCash, evenPart, tipAmount, seatGroups } from '../../main/resources/public/terminal/bill.js';

test('quick cash: the exact amount, then the next round notes above it', () => {
  assert.deepEqual(quickCash(3750), [3750, 4000, 5000, 10000, 20000]);
  assert.deepEqual(quickCash(4000), [4000, 5000, 6000, 10000, 20000]);
  assert.deepEqual(quickCash(12345), [12345, 14000, 15000, 20000]);
  assert.deepEqual(quickCash(0), []);
});

test('even parts give the remainder to the first parts, one grosz each (as the server)', () => {
  assert.deepEqual([evenPart(10000, 3), evenPart(6666, 2), evenPart(3333, 1)], [3334, 3333, 3333]);
});

test('a percent tip is rounded half up to the grosz', () => {
  assert.equal(tipAmount({ percent: 1000 }, 3750), 375);
  assert.equal(tipAmount({ percent: 1250 }, 1001), 125);
  assert.equal(tipAmount({ amount: 500 }, 3750), 500);
  assert.equal(tipAmount(null, 3750), 0);
});

test('seats group the lines, those without a seat first', () => {
  const r = { lines: [{ id: 'a', seat: 2 }, { id: 'b' }, { id: 'c', seat: 1 }, { id: 'd', seat: 2 }] };
  assert.deepEqual(seatGroups(r).map((g) => [g.seat, g.lines.map((l) => l.id)]),
    [[null, ['b']], [1, ['c']], [2, ['a', 'd']]]);
});
