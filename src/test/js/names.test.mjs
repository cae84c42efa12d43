import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { receiptName, lowestFree } from '../../main/resources/public/terminal/names.js';

// The same table NumberingTest reads: the terminal names receipts and picks numbers as the server does.
const dir = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(readFileSync(path.join(dir, '../resources/receipt-names.json'), 'utf8'));

test('default names render in each language as on the server', () => {
  for (const c of table.render) {
    for (const lang of ['pl', 'en']) {
      assert.equal(receiptName({ name: c.name ?? 'stored', defaultName: c.defaultName }, lang), c[lang], JSON.stringify(c));
    }
  }
});

test('the next number is the lowest whose name is in use in no language, as on the server', () => {
  for (const c of table.lowestFree) assert.equal(lowestFree(c.names), c.next, JSON.stringify(c));
});
