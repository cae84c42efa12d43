// The catalog as the sale screen offers it (docs/terminal.md "Products"): the configuration's
// categories as tabs, in the owner's order, and the search by name or short code.
import { fold } from './i18n.js';

/**
 * The category tabs: the configuration's categories that have a product here, in their order; a
 * configuration of before categories were rows names them only on the products (then by first use).
 */
export function categoriesOf(config) {
  const products = config?.products ?? [];
  const listed = (config?.categories ?? []).slice().sort((a, b) => a.position - b.position
    || a.id - b.id).filter((c) => products.some((p) => p.categoryId === c.id))
    .map((c) => ({ key: 'c' + c.id, name: c.name, has: (p) => p.categoryId === c.id }));
  const named = [...new Set(products.filter((p) => p.categoryId == null && p.category)
    .map((p) => p.category))].map((name) => ({ key: 'n' + name, name,
    has: (p) => p.categoryId == null && p.category === name }));
  return [...listed, ...named];
}

/** The products a search finds: by name or short code, case and Polish letters aside. */
export function search(products, query) {
  const q = fold(query.trim());
  return products.filter((p) => fold(p.name).includes(q) || (p.code && fold(p.code).includes(q)));
}
