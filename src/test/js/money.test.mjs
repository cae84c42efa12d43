import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  formatMoney, formatAmount, parseMoney, formatQuantity, parseQuantity, lineAmount, vatBreakdown,
  receiptVat,
} from '../../main/resources/public/terminal/money.js';

const NB = '\u00a0';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL(
  '../resources/money-fixture.json', import.meta.url)), 'utf8'));

test('writes every amount of the shared money fixture as the back office does (one rule)', () => {
  assert.ok(fixture.cases.length > 10);
  for (const c of fixture.cases) {
    assert.equal(formatMoney(c.grosze, c.lang), c.text, JSON.stringify(c));
  }
});

test('groups Polish thousands from four digits and writes English with zł after the amount', () => {
  assert.equal(formatMoney(123456, 'pl'), `1${NB}234,56${NB}zł`);
  assert.equal(formatMoney(123456, 'en'), `1,234.56${NB}zł`);
});

test('refuses a non-integer amount instead of formatting a float', () => {
  assert.throws(() => formatMoney(12.5, 'pl'), TypeError);
});

test('formats an amount for an input without the currency', () => {
  assert.equal(formatAmount(1250, 'pl'), '12,50');
  assert.equal(formatAmount(1250, 'en'), '12.50');
});

test('parses typed prices with comma or dot, spaces and at most two decimals', () => {
  assert.equal(parseMoney('12,50'), 1250);
  assert.equal(parseMoney('12.5'), 1250);
  assert.equal(parseMoney('12'), 1200);
  assert.equal(parseMoney('12,'), 1200);
  assert.equal(parseMoney(' 1 234,56 zł'), 123456);
  assert.equal(parseMoney('0,07'), 7);
  assert.equal(parseMoney('1000000'), 100000000);
});

test('refuses what is not a price', () => {
  for (const bad of ['', 'abc', '12,345', '-5', '1,2,3', '1000000,01', '1e3', null]) {
    assert.equal(parseMoney(bad), null, String(bad));
  }
});

test('formats and parses quantities in thousandths', () => {
  assert.equal(formatQuantity(1000, 'pl'), '1');
  assert.equal(formatQuantity(1500, 'pl'), '1,5');
  assert.equal(formatQuantity(1500, 'en'), '1.5');
  assert.equal(formatQuantity(250, 'pl'), '0,25');
  assert.equal(formatQuantity(1, 'en'), '0.001');
  assert.equal(parseQuantity('2'), 2000);
  assert.equal(parseQuantity('0,125'), 125);
  assert.equal(parseQuantity('1.5'), 1500);
  for (const bad of ['0', '0,0001', '', 'x', '-1', '12345']) {
    assert.equal(parseQuantity(bad), null, bad);
  }
});

test('a line amount is price x quantity, rounded half away from zero', () => {
  assert.equal(lineAmount(1250, 2000), 2500);
  assert.equal(lineAmount(999, 1500), 1499); // 1498.5 -> 1499
  assert.equal(lineAmount(333, 1000), 333);
  assert.equal(lineAmount(1, 499), 0);
  assert.equal(lineAmount(1, 500), 1);
  assert.equal(lineAmount(-999, 1500), -1499);
});

test('VAT breakdown extracts VAT from gross per rate, in rate order, only rates present', () => {
  const breakdown = vatBreakdown([
    { vat: '8', total: 1080 }, { vat: '23', total: 1230 },
    { vat: '8', total: 1080 }, { vat: 'ZW', total: 500 },
  ]);
  assert.deepEqual(breakdown, [
    { rate: '23', gross: 1230, vat: 230, net: 1000 },
    { rate: '8', gross: 2160, vat: 160, net: 2000 },
    { rate: 'ZW', gross: 500, vat: 0, net: 500 },
  ]);
  // 1000 gross at 23%: 186.99... -> 187
  assert.deepEqual(vatBreakdown([{ vat: '23', total: 1000 }]), [{ rate: '23',
    gross: 1000, vat: 187, net: 813 }]);
  assert.deepEqual(vatBreakdown([]), []);
});

// The same table MoneyCasesTest runs the server's Money over: the preview equals the server's
// answer.
const cases = JSON.parse(readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)),
    '../resources/money-cases.json'), 'utf8'));

test('line amounts preview the server\'s line totals', () => {
  for (const c of cases.lineTotal) assert.equal(lineAmount(c.unitPrice, c.quantity),
    c.total, JSON.stringify(c));
});

test('the VAT breakdown previews the server\'s, rate by rate', () => {
  for (const c of cases.vat) {
    const expected = c.shares.map((s) => ({ rate: s.vat, gross: s.gross, vat: s.tax, net: s.net }));
    assert.deepEqual(vatBreakdown(c.lines), expected, JSON.stringify(c));
  }
});

test('a receipt shows the server\'s VAT breakdown, and its own only while it previews', () => {
  const lines = [{ vat: '23', total: 1000 }];
  const server = [{ vat: '23', gross: 1000, net: 813, tax: 187 }];
  assert.deepEqual(receiptVat({ lines, vat: server }), [{ rate: '23',
    gross: 1000, vat: 187, net: 813 }]);
  const stale = [{ vat: '8', gross: 1, net: 1, tax: 0 }];
  assert.deepEqual(receiptVat({ lines, vat: stale, preview: true }), vatBreakdown(lines));
  assert.deepEqual(receiptVat({ lines }), vatBreakdown(lines),
    'a view stored before the server sent vat');
});
