// Day close on the terminal (day-close.js): what is still open before the close, and the report's
// rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  methodRows, openReceipts, vatRows,
} from '../../main/resources/public/terminal/day-close.js';

const line = { id: 'l', name: 'Kawa', quantity: 1000, unitPrice: 900, total: 900 };

test('open receipts are those open or paying with lines, by name, with their total', () => {
  const receipts = {
    a: { id: 'a', name: 'Stolik 2', state: 'OPEN', lines: [line, line], total: 1800 },
    b: { id: 'b', name: 'Sprzedaż 1', state: 'PAYING', lines: [line], total: 900 },
    c: { id: 'c', name: 'Sprzedaż 2', state: 'OPEN', lines: [], total: 0 },
    d: { id: 'd', name: 'Stolik 5', occupied: true },
    e: { id: 'e', name: 'Sprzedaż 3', state: 'CLOSED', lines: [line], total: 900 },
  };
  assert.deepEqual(openReceipts(receipts),
    { count: 2, total: 2700, names: ['Sprzedaż 1', 'Stolik 2'] });
  assert.deepEqual(openReceipts({}), { count: 0, total: 0, names: [] });
  assert.deepEqual(openReceipts(undefined), { count: 0, total: 0, names: [] });
});

test('the report rows keep the server order and label the exempt rate', () => {
  const report = { methods: { CASH: 2150, CARD: 2500 },
    vat: [{ vat: '23', gross: 100, net: 81, tax: 19 }, { vat: 'ZW', gross: 50, net: 50, tax: 0 }] };
  assert.deepEqual(methodRows(report),
    [{ method: 'CASH', amount: 2150 }, { method: 'CARD', amount: 2500 }]);
  assert.deepEqual(vatRows(report, 'zw.').map((v) => v.label), ['23%', 'zw.']);
  assert.deepEqual(methodRows(null), []);
  assert.deepEqual(vatRows({}, 'zw.'), []);
});
