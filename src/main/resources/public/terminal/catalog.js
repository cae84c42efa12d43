// The catalog as the sale screen offers it (docs/terminal.md "Products"): the configuration's
// categories as tabs, in the owner's order, and the search by name or short code.
import { fold } from './i18n.js';

/**
 * The category tabs: the configuration's categories that have a product here, in their order; a
 * product whose category is not among them (a configuration of before categories were rows, which
 * names it on the product only) is under a tab of its category's name, after them, by first use.
 */
export function categoriesOf(config) {
  const products = config?.products ?? [];
  const categories = (config?.categories ?? []).slice()
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const ids = new Set(categories.map((c) => c.id));
  const listed = categories.filter((c) => products.some((p) => p.categoryId === c.id))
    .map((c) => ({ key: 'c' + c.id, name: c.name, has: (p) => p.categoryId === c.id }));
  const unlisted = (p) => !ids.has(p.categoryId);
  const named = [...new Set(products.filter((p) => unlisted(p) && p.category)
    .map((p) => p.category))].map((name) => ({ key: 'n' + name, name,
    has: (p) => unlisted(p) && p.category === name }));
  return [...listed, ...named];
}

/** The products a search finds: by name or short code, case and Polish letters aside. */
export function search(products, query) {
  const q = fold(query.trim());
  return products.filter((p) => fold(p.name).includes(q) || (p.code && fold(p.code).includes(q)));
}
