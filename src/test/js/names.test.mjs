import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  receiptName, lowestFree, characters, limitOf, MAX_NAME,
} from '../../main/resources/public/terminal/names.js';

// The same table NumberingTest reads: the terminal names receipts and picks numbers as the server
// does.
const dir = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(readFileSync(path.join(dir, '../resources/receipt-names.json'), 'utf8'));

test('default names render in each language as on the server', () => {
  for (const c of table.render) {
    for (const lang of ['pl', 'en']) {
      assert.equal(receiptName({ name: c.name ?? 'stored', defaultName: c.defaultName }, lang),
        c[lang], JSON.stringify(c));
    }
  }
});

test('the terminal cuts a recovered name at the longest name of the server', () => {
  assert.equal(MAX_NAME, table.maxName);
});

test('the next number is the lowest whose name is in use in no language, as on the server', () => {
  for (const c of table.lowestFree) assert.equal(lowestFree(c.names), c.next, JSON.stringify(c));
});

// The same table TextLimitsTest reads: the terminal counts a name's characters as the server does.
const limits = JSON.parse(readFileSync(path.join(dir, '../resources/text-limits.json'), 'utf8'));
const config = { limits: { name: 40, note: 200 } };

test('names and notes count code points, an emoji at the boundary as on the server', () => {
  for (const [kind, cases] of [['name', limits.name], ['note', limits.note]]) {
    for (const c of cases) {
      const text = kind === 'name' ? c.text.trim() : c.text;
      const n = characters(text);
      if (kind === 'name') assert.equal(n, c.characters, JSON.stringify(c));
      const fits = n <= limitOf(config, kind) && (kind === 'note' || n >= 1);
      assert.equal(fits, c.fits, JSON.stringify(c));
    }
  }
});

test('a configuration without served limits leaves the check to the server', () => {
  assert.equal(limitOf({}, 'name'), Infinity);
  assert.equal(limitOf(null, 'note'), Infinity);
});
