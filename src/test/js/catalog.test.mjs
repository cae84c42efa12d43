// The catalog on the sale screen (catalog.js): category tabs in the owner's order and the search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoriesOf, search } from '../../main/resources/public/terminal/catalog.js';

const products = [
  { id: 1, name: 'Espresso', categoryId: 20, category: 'Kawa', code: 'K1' },
  { id: 2, name: 'Żurek', categoryId: 10, category: 'Zupy', code: null },
  { id: 3, name: 'Sernik', categoryId: null, category: 'Ciasta' },
];

test('categories follow the configured order, only those with products; old ones by name', () => {
  const config = { products, categories: [{ id: 20, name: 'Kawa', position: 2 },
    { id: 10, name: 'Zupy', position: 1 }, { id: 30, name: 'Pusta', position: 0 }] };
  const tabs = categoriesOf(config);
  assert.deepEqual(tabs.map((c) => c.name), ['Zupy', 'Kawa', 'Ciasta']);
  assert.deepEqual(products.filter(tabs[1].has).map((p) => p.id), [1]);
  assert.deepEqual(products.filter(tabs[2].has).map((p) => p.id), [3]);
  assert.deepEqual(categoriesOf(null), []);
  const old = categoriesOf({ products: [{ id: 1, name: 'Piwo', categoryId: 0, category: 'Napoje' },
    { id: 2, name: 'Kawa', category: 'Kawa' }] });
  assert.deepEqual(old.map((c) => c.name), ['Napoje', 'Kawa'], 'an id not among the categories');
});

test('search finds by name or short code, case and Polish letters aside', () => {
  assert.deepEqual(search(products, 'zur').map((p) => p.id), [2]);
  assert.deepEqual(search(products, ' k1 ').map((p) => p.id), [1], 'by its short code');
  assert.deepEqual(search(products, 'ser').map((p) => p.id), [3]);
  assert.deepEqual(search(products, 'xyz'), []);
});
