// The sale screen: top bar (current receipt's name always visible, connection (a word besides the
// colour when offline), unsent count, menu with a badge when a sync is due),
// the receipts list (side panel on a tablet, drawer on a phone), products and the current receipt.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import './receipts-list.js';
import './product-grid.js';
import './receipt-panel.js';
import './terminal-menu.js';
import './void-dialog.js';
import './floor-plan.js';

class SaleScreen extends TerminalElement {
  static properties = { drawer: { state: true }, tab: { state: true }, floor: { state: true } };

  constructor() {
    super();
    this.drawer = false;
    this.tab = 'products';
    /** The floor view shows instead of the receipts list and the products (List / Floor). */
    this.floor = false;
  }

  /** A phone's narrow screen (terminal.css): the receipts list is a drawer there. */
  static narrow() {
    return window.matchMedia('(max-width: 700px)').matches;
  }

  /**
   * On a phone, when no order is under way, the receipts drawer opens by itself so the waiter picks
   * the table at once (issue 15: one tap fewer, ☰ is not needed): when the sale screen first has its
   * receipts and the current receipt has no lines (a new one), and when a paid bill's "Zamknij"
   * closes the payment. Only with tables: over the counter (parking on, no tables) the next sale is
   * the current receipt, on the products. A tablet shows its list beside the products anyway.
   */
  offerList() {
    if (this.terminal.slots.length > 0 && SaleScreen.narrow()) this.drawer = true;
  }

  /**
   * A bill paid in full and its dialog closed: the next sale starts on the products (a phone showed the
   * receipt to pay it), with the drawer open over them where there are tables to pick.
   */
  settled() {
    this.tab = 'products';
    this.offerList();
  }

  willUpdate(changed) {
    super.willUpdate(changed);
    const t = this.terminal;
    if (this.offered || !t?.ready || !t.config || t.phase !== 'sale') return;
    this.offered = true;
    if ((t.current?.lines?.length ?? 0) === 0) this.offerList();
  }

  /** The List / Floor switch: the floor takes the list's and the products' place. */
  view(mode) {
    this.floor = mode === 'floor';
    this.drawer = false;
    if (this.floor) this.tab = 'products';
  }

  /**
   * The tab a receipt just picked shows on a phone: its lines when it has some, else the products, the
   * next thing to tap on an empty table or a new receipt (issue 15: one tap fewer per order). A table
   * a colleague the user may not see is serving shows the receipt, which says so.
   */
  tabFor(receipt) {
    return receipt?.occupied || (receipt?.lines?.length ?? 0) > 0 ? 'receipt' : 'products';
  }

  /**
   * On a phone's products tab, the bill's total and its payment buttons under the products, so an order
   * is paid without first opening the receipt's tab (issue 15: one tap fewer). A button shows the
   * receipt and taps its own button there (the payment dialog is the receipt's); when that one is
   * disabled (a colleague's lease, offline for the card) the receipt shows why.
   */
  payBar(t, current, floor) {
    const lines = current?.lines ?? [];
    if (floor || this.tab !== 'products' || !current || current.occupied || lines.length === 0) return '';
    const card = (t.config?.payments ?? []).some((p) => p.method === 'CARD');
    const tap = async (action) => {
      this.tab = 'receipt';
      await this.updateComplete;
      const panel = this.querySelector('receipt-panel');
      await panel?.updateComplete;
      const button = panel?.querySelector(`button[data-action=${action}]`);
      if (button && !button.disabled) button.click();
    };
    return html`<div class="pay-bar" role="group" aria-label=${t.t('receipt.actions')}>
      <button class="primary" data-action="bar-pay" @click=${() => tap('pay')}
        >${t.t('receipt.pay')} ${formatMoney(current.parts?.remaining ?? current.total ?? 0, t.lang)}</button>
      ${card ? html`<button data-action="bar-pay-card" title=${t.t('receipt.payCardHint')}
        ?disabled=${t.connection !== 'online'} @click=${() => tap('pay-card')}>${t.t('pay.card')}</button>` : ''}
    </div>`;
  }

  /**
   * Marks the moment the sale screen is first usable with the receipts in it (from IndexedDB or
   * from the stream's first snapshot): the benchmark reads performance mark 'paragon-usable'.
   */
  async updated(changed) {
    // The receipt tab just showed (a phone): the line this cashier added meanwhile is revealed now,
    // by the cashier's own tap, not later by whatever re-renders the receipt (a colleague's change).
    if (changed.has('tab') && this.tab === 'receipt') this.querySelector('receipt-panel')?.requestUpdate();
    if (this.marked || !this.terminal.ready) return;
    await Promise.all([...this.querySelectorAll('receipts-list, product-grid, receipt-panel')]
      .map((c) => c.updateComplete));
    if (this.marked) return;
    this.marked = true;
    performance.mark('paragon-usable');
  }

  render() {
    const t = this.terminal;
    const tr = (k, a) => t.t(k, a);
    const current = t.current;
    const parking = !!t.config?.parkingEnabled;
    const conn = t.connection;
    const floor = parking && this.floor && t.slots.length > 0;
    return html`
      <header class="topbar">
        ${parking ? html`<button class="drawer-toggle" aria-expanded=${this.drawer}
          aria-controls="receipts-list"
          aria-label=${tr('list.open')}
          @click=${() => { this.drawer = !this.drawer; }}>☰</button>` : ''}
        <div class="current" id="current-name"
          aria-live="polite"><span
          class="visually-hidden">${tr('receipt.current')}: </span>${current?.name ?? '—'}</div>
        <span class="conn ${conn}" role="status" data-connection=${conn}>
          <span class="conn-label"
            aria-hidden="true">${conn === 'offline' ? tr('menu.offlineShort') : ''}</span>
          <span class="visually-hidden">${tr(conn === 'online' ? 'menu.online' : conn === 'offline'
            ? 'menu.offline' : 'menu.connecting')}</span>
          <span class="badge-slot">${t.unsent > 0 ? html`<span class="badge" data-unsent=${t.unsent}
            title=${tr('menu.unsent', { count: t.unsent })}>${t.unsent}</span>` : ''}</span>
        </span>
        <button id="menu-button" aria-haspopup="dialog" aria-label=${tr('menu.open')}
          @click=${() => this.querySelector('terminal-menu').open()}>⋮${t.behind || t.syncRequested
            ? html`<span class="badge" data-sync-badge>!</span>` : ''}</button>
      </header>
      ${t.error ? html`<p class="error" role="alert" style="margin:4px 8px">${t.error}</p>` : ''}
      <div class="tabs" role="tablist">
        <button role="tab" aria-selected=${this.tab === 'products'}
          @click=${() => { this.tab = 'products'; }}>${tr(floor ? 'floor.floor' : 'sale.products')}</button>
        <button role="tab" aria-selected=${this.tab === 'receipt'}
          @click=${() => { this.tab = 'receipt'; }}>
          ${tr('sale.receiptTab', { count: current?.lines?.length ?? 0 })}</button>
      </div>
      <div class="sale ${parking ? '' : 'no-list'} ${floor ? 'floor' : ''}" data-tab=${this.tab}
        @view=${(e) => this.view(e.detail)} @settled=${() => this.settled()}>
        ${parking ? html`<receipts-list id="receipts-list"
          class="receipts-list ${this.drawer ? 'open' : ''}" .terminal=${t}
          @picked=${() => { this.drawer = false; this.tab = this.tabFor(t.current); }}></receipts-list>` : ''}
        ${floor ? html`<floor-plan class="floor-pane" .terminal=${t}
          @picked=${() => { this.floor = false; this.tab = this.tabFor(t.current); }}></floor-plan>` : ''}
        <product-grid class="products" .terminal=${t}></product-grid>
        <receipt-panel class="receipt" .terminal=${t}></receipt-panel>
      </div>
      ${this.payBar(t, current, floor)}
      <terminal-menu .terminal=${t}></terminal-menu>
      <void-dialog .terminal=${t}></void-dialog>`;
  }
}
customElements.define('sale-screen', SaleScreen);
