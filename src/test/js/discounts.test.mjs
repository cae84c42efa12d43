// Discounts as the terminal previews them (discounts.js, money.js spread/paidLines): by the
// server's rules, in integer grosze, until the server's view arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  discountAmount, priceLine, priceReceipt, parseDiscount, percentText, reasonFits, reasonLimit,
  discountWords,
} from '../../main/resources/public/terminal/discounts.js';
import { spread, receiptVat } from '../../main/resources/public/terminal/money.js';

const line = (id, unitPrice, quantity, vat = '23', discount = null) => ({ id, name: id, unitPrice,
  quantity, vat, discount });

test('a percent discount is half up of total x value / 10000; an amount is at most the '
  + 'base', () => {
  assert.equal(discountAmount(1000, { kind: 'PERCENT', value: 1000 }), 100);
  assert.equal(discountAmount(999, { kind: 'PERCENT', value: 1250 }), 125, '124.875 -> 125');
  assert.equal(discountAmount(1001, { kind: 'PERCENT', value: 50 }), 5, '5.005 -> 5');
  assert.equal(discountAmount(1000, { kind: 'PERCENT', value: 5 }), 1, '0.5 -> 1');
  assert.equal(discountAmount(1000, { kind: 'PERCENT', value: 10000 }), 1000);
  assert.equal(discountAmount(1000, { kind: 'AMOUNT', value: 250 }), 250);
  assert.equal(discountAmount(200, { kind: 'AMOUNT', value: 250 }), 200, 'never below zero');
  assert.equal(discountAmount(1000, null), 0);
  assert.equal(discountAmount(0, { kind: 'PERCENT', value: 1000 }), 0);
  assert.equal(discountAmount(100_000_000_000, { kind: 'PERCENT', value: 3333 }), 33_330_000_000);
});

test('a line keeps total = quantity x price and owes its total less its discount', () => {
  const priced = priceLine(
    line('a', 1250, 2000, '8', { kind: 'PERCENT', value: 1000, reason: 'x' }));
  assert.equal(priced.total, 2500);
  assert.deepEqual(priced.discount, { kind: 'PERCENT', value: 1000, reason: 'x', amount: 250 });
  assert.equal(priced.due, 2250);
  assert.equal(priceLine(line('b', 900, 1000)).due, 900);
});

test('spread gives the parts in proportion, largest remainder first, ties to the earlier', () => {
  assert.deepEqual(spread(100, [1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(spread(10, [500, 300, 200]), [5, 3, 2]);
  assert.deepEqual(spread(7, [1000, 0, 3000]), [2, 0, 5]);
  assert.deepEqual(spread(0, [5, 5]), [0, 0]);
  assert.deepEqual(spread(5, [0, 0]), [0, 0]);
  assert.deepEqual(spread(99_999_999_999, [99_999_999_999, 1]), [99_999_999_998, 1],
    'beyond 2^53 in the products, exact');
});

test('a receipt: subtotal, the lines\' and the receipt\'s discounts, to pay, VAT on what is '
  + 'paid', () => {
  const r = priceReceipt({ lines: [
    line('a', 1000, 1000, '23', { kind: 'AMOUNT', value: 100, reason: 'stały gość' }),
    line('b', 1000, 2000, '8'),
  ], discount: { kind: 'PERCENT', value: 1000, reason: 'happy hour' } });
  assert.equal(r.subtotal, 3000);
  assert.equal(r.discount.amount, 290, '10 % of 900 + 2000');
  assert.equal(r.discountTotal, 390);
  assert.equal(r.total, 2610);
  // 290 spread over 900 and 2000: 90 and 200.
  assert.deepEqual(r.vat, [
    { vat: '23', gross: 810, net: 659, tax: 151 },
    { vat: '8', gross: 1800, net: 1667, tax: 133 },
  ]);
  assert.equal(r.vat.reduce((s, v) => s + v.gross, 0), r.total);
  assert.deepEqual(receiptVat({ ...r, preview: true }).map((v) => v.gross), [810, 1800],
    'the preview\'s VAT table follows the discounts');
});

test('for random receipts the rates\' grosses sum to the total to pay and none is negative', () => {
  let seed = 7;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const rates = ['23', '8', '5', '0', 'ZW'];
  for (let round = 0; round < 500; round++) {
    const lines = Array.from({ length: 1 + next(6) }, (_, i) => {
      const kind = [null, 'PERCENT', 'AMOUNT'][next(3)];
      const discount = kind ? { kind, value: kind === 'PERCENT' ? 1 + next(10000) : 1 + next(5000) }
        : null;
      return line('l' + i, next(20000), 1 + next(5000), rates[next(5)], discount);
    });
    const kind = [null, 'PERCENT', 'AMOUNT'][next(3)];
    const r = priceReceipt({ lines, discount: kind ? { kind, value: 1 + next(20000) } : null });
    const gross = r.vat.reduce((s, v) => s + v.gross, 0);
    assert.equal(gross, r.total, JSON.stringify(r));
    assert.ok(r.vat.every((v) => v.gross >= 0 && v.tax >= 0 && v.net >= 0), JSON.stringify(r));
    assert.equal(r.subtotal - r.discountTotal, r.total);
    assert.ok(r.total >= 0);
  }
});

test('a typed discount: percent in hundredths (1..100 %), amount in grosze up to the base', () => {
  assert.deepEqual(parseDiscount('PERCENT', '10', 5000), { value: 1000 });
  assert.deepEqual(parseDiscount('PERCENT', '12,5', 5000), { value: 1250 });
  assert.deepEqual(parseDiscount('PERCENT', ' 7.25 % ', 5000), { value: 725 });
  assert.deepEqual(parseDiscount('PERCENT', '100', 5000), { value: 10000 });
  for (const bad of ['', '0', '100,01', '101', 'abc', '-5', '1,234']) {
    assert.deepEqual(parseDiscount('PERCENT', bad, 5000), { error: 'discount.badPercent' }, bad);
  }
  assert.deepEqual(parseDiscount('AMOUNT', '5,50', 5000), { value: 550 });
  assert.deepEqual(parseDiscount('AMOUNT', '50', 5000), { value: 5000 });
  assert.deepEqual(parseDiscount('AMOUNT', '50,01', 5000), { error: 'discount.tooMuch' });
  for (const bad of ['', '0', 'abc', '-1']) {
    assert.deepEqual(parseDiscount('AMOUNT', bad, 5000), { error: 'discount.badAmount' }, bad);
  }
  assert.equal(percentText(1250, 'pl'), '12,5');
  assert.equal(percentText(1000, 'en'), '10');
  assert.equal(percentText(725, 'en'), '7.25');
});

// The tables MoneyCasesTest and TextLimitsTest run the server over: the preview equals its answer.
const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), '../resources');
const money = JSON.parse(readFileSync(path.join(resources, 'money-cases.json'), 'utf8'));
const limits = JSON.parse(readFileSync(path.join(resources, 'text-limits.json'), 'utf8'));

test('discounts preview the server\'s amounts, total and VAT, case by case', () => {
  assert.ok(money.discounts.length > 5);
  for (const c of money.discounts) {
    // A line of the table names its total: one piece at that price.
    const lines = c.lines.map((l, i) => line('l' + i, l.total, 1000, l.vat, l.discount ?? null));
    const r = priceReceipt({ lines, discount: c.receiptDiscount ?? null });
    const why = JSON.stringify(c);
    assert.deepEqual(r.lines.map((l) => l.discount?.amount ?? 0), c.lineAmounts, why);
    assert.equal(r.discount?.amount ?? 0, c.receiptAmount, why);
    assert.equal(r.total, c.total, why);
    assert.deepEqual(r.vat, c.shares, why);
  }
});

test('a reason fits as on the server: 1 to 80 characters after trimming, an emoji one', () => {
  assert.equal(reasonLimit(null), 80);
  assert.equal(reasonLimit({ limits: { reason: 20 } }), 20);
  for (const c of limits.reason) assert.equal(reasonFits(c.text, null), c.fits, JSON.stringify(c));
});

test('a discount in words names its percent and its reason', () => {
  assert.equal(discountWords({ kind: 'PERCENT', value: 1250, reason: 'stały gość' }, 'pl'),
    'Rabat 12,5\u00a0% — stały gość');
  assert.equal(discountWords({ kind: 'AMOUNT', value: 500, reason: 'happy hour' }, 'en'),
    'Discount — happy hour');
});
