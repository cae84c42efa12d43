import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeTarget } from '../../main/resources/public/terminal/line-merge.js';

const on = { mergeLines: true, maxQuantity: 1000000 };
const espresso = { id: 'l1', productId: 1, unitPrice: 900, quantity: 1000, sent: false, note: null, modifiers: [] };
const tap = { type: 'addLine', productId: 1, quantity: 1000 };

test('a product tapped again adds to its unsent line of the same price', () => {
  assert.equal(mergeTarget([espresso], tap, 900, on), espresso);
});

test('with the setting off every tap is a line of its own', () => {
  assert.equal(mergeTarget([espresso], tap, 900, { mergeLines: false }), null);
  assert.equal(mergeTarget([espresso], tap, 900), null);
});

test('a sent line, a note, modifiers, a discount or another price is never added to', () => {
  assert.equal(mergeTarget([{ ...espresso, sent: true }], tap, 900, on), null);
  assert.equal(mergeTarget([{ ...espresso, note: 'bez cukru' }], tap, 900, on), null);
  assert.equal(mergeTarget([{ ...espresso, modifiers: [{ optionId: 3 }] }], tap, 900, on), null);
  assert.equal(mergeTarget([{ ...espresso, discount: { kind: 'PERCENT' } }], tap, 900, on), null);
  assert.equal(mergeTarget([espresso], tap, 1000, on), null);
});

test('a tap with its own note, modifiers or price, or another product, is a line of its own', () => {
  assert.equal(mergeTarget([espresso], { ...tap, note: 'na wynos' }, 900, on), null);
  assert.equal(mergeTarget([espresso], { ...tap, modifiers: [3] }, 900, on), null);
  assert.equal(mergeTarget([espresso], { ...tap, unitPrice: 900 }, 900, on), null);
  assert.equal(mergeTarget([espresso], { ...tap, productId: 2 }, 900, on), null);
});

test('the seat and an asked course must match, and the sum stay within the bound', () => {
  assert.equal(mergeTarget([{ ...espresso, seat: 2 }], tap, 900, on), null);
  assert.equal(mergeTarget([{ ...espresso, course: 1 }], tap, 900, on)?.id, 'l1');
  assert.equal(mergeTarget([{ ...espresso, course: 1 }], { ...tap, course: 2 }, 900, on), null);
  assert.equal(mergeTarget([{ ...espresso, quantity: 999500 }], tap, 900, on), null);
});
