// Products by category, with search, and the free item (a typed name and price).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { fold } from './i18n.js';
import { formatMoney } from './money.js';
import './free-item.js';

class ProductGrid extends TerminalElement {
  static properties = { category: { state: true }, query: { state: true } };

  constructor() {
    super();
    this.category = null;
    this.query = '';
  }

  render() {
    const t = this.terminal;
    const products = t.config?.products ?? [];
    const categories = [...new Set(products.map((p) => p.category))];
    const q = fold(this.query.trim());
    const shown = products.filter((p) => (q ? fold(p.name).includes(q)
      : !this.category || p.category === this.category));
    const editable = t.editable(t.current);
    return html`
      <div class="tools">
        <label class="visually-hidden" for="product-search">${t.t('sale.search')}</label>
        <input id="product-search" type="search" placeholder=${t.t('sale.search')}
          .value=${this.query}
          @input=${(e) => { this.query = e.target.value; }}>
        <button data-action="free-item" ?disabled=${!editable}
          @click=${() => this.querySelector('free-item').open()}>${t.t('sale.free')}</button>
      </div>
      <div class="categories" role="group" aria-label=${t.t('sale.products')}>
        <button aria-pressed=${!this.category}
          @click=${() => { this.category = null; }}>${t.t('sale.all')}</button>
        ${categories.map((c) => html`<button aria-pressed=${this.category === c}
          @click=${() => { this.category = c; this.query = ''; }}>${c}</button>`)}
      </div>
      <div class="grid">
        ${shown.length === 0 ? html`<p class="muted">${t.t('sale.noProducts')}</p>` : ''}
        ${shown.map((p) => html`<button data-product=${p.id} ?disabled=${!editable}
          @click=${() => t.addProduct(p)}>
          <span>${p.name}</span><span class="price amount">${formatMoney(p.price, t.lang)}</span></button>`)}
      </div>
      <free-item .terminal=${t}></free-item>`;
  }
}
customElements.define('product-grid', ProductGrid);
