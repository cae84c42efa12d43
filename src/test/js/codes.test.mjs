import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CLOSE } from '../../main/resources/public/terminal/stream.js';

// The one table of close and refusal codes, which CodesTableTest checks the server against.
const dir = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(readFileSync(path.join(dir,
  '../../main/resources/protocol/codes.json'), 'utf8'));
const terminal = path.join(dir, '../../main/resources/public/terminal');
const source = (file) => readFileSync(path.join(terminal, file), 'utf8');

test('the terminal knows the close codes of the table, by the same names', () => {
  assert.deepEqual({ ...CLOSE }, table.close);
});

test('the terminal names close codes instead of writing their numbers', () => {
  const numbers = Object.values(table.close).map(String);
  for (const file of ['stream.js', 'terminal.js', 'session.js', 'connection.js']) {
    const code = source(file).replace(/export const CLOSE = [^;]*;/s, '');
    for (const n of numbers) assert.ok(!new RegExp(`\\b${n}\\b`).test(code), `${file} writes ${n}`);
  }
});

test('every refusal code the terminal tests for is one the server can give', () => {
  for (const file of ['outbox.js', 'command-queue.js', 'actions.js', 'terminal.js', 'session.js',
    'receipts-view.js', 'payment-dialog.js']) {
    for (const m of source(file).matchAll(/\.code === '([a-z_]+)'/g)) {
      assert.ok(table.refusals.includes(m[1]), `${file}: ${m[1]} is not in codes.json`);
    }
  }
});
