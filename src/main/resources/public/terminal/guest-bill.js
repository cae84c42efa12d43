// The bill a guest sees (the seed's "waiter's bill"): printable, not fiscal. Each line with its
// modifiers and its discount; the subtotal, the discounts and what is to pay when there are any.
// Its header (issue 12): the business's name and NIP, the shop's name and address (the server's
// GET /api/terminal/bill-header, from the back office's settings), the table, the waiter, the date
// and time; the VAT summary; "not a fiscal receipt". Printable on an 80 mm roll (terminal.css).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatQuantity, receiptVat } from './money.js';
import { modifierText } from './modifiers.js';
import { discountWords } from './discounts.js';

class GuestBill extends TerminalElement {
  static properties = { receipt: { state: true }, header: { state: true } };

  open(receipt) {
    this.receipt = receipt;
    this.at = new Date(this.terminal.serverNow());
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
    this.terminal.api.call('GET', '/api/terminal/bill-header')
      .then(({ body }) => { this.header = body; })
      .catch(() => { this.header = null; }); // offline: the shop's name from the configuration
  }

  headerLines() {
    const t = this.terminal;
    const r = this.receipt;
    const h = this.header;
    const waiter = (t.config?.users ?? []).find((u) => u.id === r.ownerUserId)?.name;
    const at = this.at.toLocaleString(t.lang === 'pl' ? 'pl-PL' : 'en-GB',
      { dateStyle: 'short', timeStyle: 'short' });
    return html`<header class="bill-header">
      ${h?.business ? html`<p><strong id="bill-business">${h.business}</strong></p>` : ''}
      ${h?.nip ? html`<p id="bill-nip">${t.t('bill.nip', { nip: h.nip })}</p>` : ''}
      <p id="bill-shop">${h?.shop ?? t.config?.shopName ?? ''}</p>
      ${h?.address ? html`<p id="bill-address">${h.address}</p>` : ''}
      <p id="bill-table">${t.t('bill.table', { name: r.name })}</p>
      ${waiter ? html`<p id="bill-waiter">${t.t('bill.waiter', { name: waiter })}</p>` : ''}
      <p id="bill-at">${t.t('bill.at', { at })}</p>
    </header>`;
  }

  render() {
    const t = this.terminal;
    const r = this.receipt;
    const money = (g) => formatMoney(g, t.lang);
    const subtotal = r?.subtotal ?? (r?.lines ?? []).reduce((sum, l) => sum + (l.total ?? 0), 0);
    const discounted = (r?.discountTotal ?? 0) > 0 || !!r?.discount;
    return html`<dialog class="bill" aria-labelledby="bill-title">
      ${r ? html`<h2 id="bill-title">${t.t('bill.title')}: ${r.name}</h2>
        ${this.headerLines()}
        ${r.guests ? html`<p>${t.t('bill.guests', { count: r.guests })}</p>` : ''}
        <table>
          ${(r.lines ?? []).map((l) => html`<tr data-bill-line><td>${l.name}${l.modifiers?.length
            ? html`<br><small class="muted" data-modifiers>${modifierText(l.modifiers)}</small>`
            : ''}</td><td
            class="amount">${formatQuantity(l.quantity, t.lang)} × ${money(l.unitPrice)}</td>
            <td class="amount">${money(l.total)}</td></tr>
            ${l.discount ? html`<tr class="muted"
              data-bill-discount><td colspan="2">${discountWords(l.discount, t.lang)}</td><td
              class="amount">−${money(l.discount.amount ?? 0)}</td></tr>` : ''}`)}
          ${discounted ? html`<tr><td>${t.t('receipt.subtotal')}</td><td></td><td class="amount"
            >${money(subtotal)}</td></tr>
            ${r.discount ? html`<tr class="muted"
              data-bill-discount><td colspan="2">${discountWords(r.discount, t.lang)}</td><td
              class="amount">−${money(r.discount.amount ?? 0)}</td></tr>` : ''}
            <tr><td>${t.t('receipt.discounts')}</td><td></td><td class="amount"
              id="bill-discounts">−${money(r.discountTotal ?? 0)}</td></tr>` : ''}
          <tr><th>${t.t(discounted ? 'receipt.toPay' : 'receipt.total')}</th><td></td><th
            class="amount" id="bill-total">${money(r.total)}</th></tr>
          ${receiptVat(r).map((v) => html`<tr class="muted"><td>${t.t('receipt.vat',
            { rate: v.rate === 'ZW' ? t.t('receipt.vatExempt') : v.rate + '%' })}</td><td></td><td
            class="amount">${money(v.vat)}</td></tr>`)}
        </table>
        <p class="not-fiscal"><strong id="bill-not-fiscal">${t.t('bill.notFiscal')}</strong></p>
        <div class="buttons no-print">
          <button type="button"
            @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.close')}</button>
          <button class="primary" type="button"
            @click=${() => window.print()}>${t.t('bill.print')}</button>
        </div>` : ''}
    </dialog>`;
  }
}
customElements.define('guest-bill', GuestBill);
