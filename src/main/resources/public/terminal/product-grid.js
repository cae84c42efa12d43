// Products by category (the configuration's categories in the owner's order, then "All"), with a
// search by name or short code, and the free item (a typed name and price). A product with modifier
// groups opens the chooser (modifier-chooser.js) before its line is added; one without adds at
// once.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { asksForChoice } from './modifiers.js';
import { categoriesOf, search } from './catalog.js';
import './free-item.js';
import './modifier-chooser.js';

class ProductGrid extends TerminalElement {
  static properties = { category: { state: true }, query: { state: true } };

  constructor() {
    super();
    this.category = null;
    this.query = '';
  }

  add(product) {
    const t = this.terminal;
    if (asksForChoice(product, t.config)) this.querySelector('modifier-chooser').open(product);
    else t.addProduct(product);
  }

  render() {
    const t = this.terminal;
    const products = t.config?.products ?? [];
    const categories = categoriesOf(t.config);
    const tab = categories.find((c) => c.key === this.category);
    const shown = this.query.trim() ? search(products, this.query)
      : products.filter((p) => !tab || tab.has(p));
    const editable = t.editable(t.current);
    const money = (g) => formatMoney(g, t.lang);
    return html`
      <div class="tools">
        <label class="visually-hidden" for="product-search">${t.t('sale.search')}</label>
        <input id="product-search" type="search" placeholder=${t.t('sale.search')}
          .value=${this.query}
          @input=${(e) => { this.query = e.target.value; }}>
        <button data-action="free-item" ?disabled=${!editable}
          @click=${() => this.querySelector('free-item').open()}>${t.t('sale.free')}</button>
      </div>
      <div class="categories" role="group" aria-label=${t.t('sale.categories')}>
        <button aria-pressed=${!tab} data-category=""
          @click=${() => { this.category = null; }}>${t.t('sale.all')}</button>
        ${categories.map((c) => html`<button aria-pressed=${tab?.key === c.key}
          data-category=${c.key}
          @click=${() => { this.category = c.key; this.query = ''; }}>${c.name}</button>`)}
      </div>
      <div class="grid">
        ${shown.length === 0 ? html`<p class="muted">${t.t('sale.noProducts')}</p>` : ''}
        ${shown.map((p) => html`<button data-product=${p.id} ?disabled=${!editable}
          data-choice=${asksForChoice(p, t.config) ? 'true' : 'false'}
          @click=${() => this.add(p)}>
          <span>${p.name}</span><span class="price amount">${money(p.price)}${asksForChoice(p,
            t.config) ? html`<small class="muted"
              aria-hidden="true"> +</small>` : ''}</span></button>`)}
      </div>
      <free-item .terminal=${t}></free-item>
      <modifier-chooser .terminal=${t}></modifier-chooser>`;
  }
}
customElements.define('product-grid', ProductGrid);
