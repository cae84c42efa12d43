import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  dictionaries, translate, LANGUAGES, fold,
} from '../../main/resources/public/terminal/i18n.js';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../../main/resources/public/terminal');

test('Polish and English carry the same keys, none blank', () => {
  assert.deepEqual(Object.keys(dictionaries.en).sort(), Object.keys(dictionaries.pl).sort());
  for (const lang of LANGUAGES) {
    for (const [key, text] of Object.entries(dictionaries[lang])) {
      assert.ok(text.trim(), `${lang}:${key}`);
    }
  }
});

test('both languages use the same placeholders in each string', () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(dictionaries.pl)) {
    assert.deepEqual(names(dictionaries.en[key]), names(dictionaries.pl[key]), key);
  }
});

test('every key the app uses exists', () => {
  const used = new Set();
  for (const file of readdirSync(appDir).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(path.join(appDir, file), 'utf8');
    for (const m of source.matchAll(/\b(?:t|tr)\(\s*'([\w.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 20, 'found the app\'s keys: ' + used.size);
  for (const key of used) {
    // 'pay.' + method: a prefix of keys built at run time
    if (key.endsWith('.')) assert.ok(Object.keys(dictionaries.pl).some((k) => k.startsWith(key)),
      'no key starts with ' + key);
    else assert.ok(key in dictionaries.pl, 'missing key ' + key);
  }
});

test('fills placeholders with text as given and refuses an unknown key', () => {
  assert.equal(translate('en', 'pay.done', { total: '5.00 zł', change: '<b>' }),
    'Paid 5.00 zł. Change: <b>');
  assert.equal(translate('pl', 'menu.unsent', { count: 3 }), 'Niewysłane zmiany: 3');
  assert.throws(() => translate('pl', 'no.such.key'), /no translation/);
});

test('search folds case and Polish letters: "zur" finds "Żurek", "lody" finds "Łody"', () => {
  assert.ok(fold('Żurek staropolski').includes(fold('zur')));
  assert.ok(fold('Łody śmietankowe').includes(fold('lody smie')));
  assert.equal(fold('ĄĆĘŁŃÓŚŹŻ'), 'acelnoszz');
  assert.equal(fold(null), '');
});
