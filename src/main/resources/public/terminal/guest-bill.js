// The bill a guest sees (the seed's "waiter's bill"): printable, not fiscal. Each line with its
// modifiers and its discount; the subtotal, the discounts and what is to pay when there are any.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatQuantity, receiptVat } from './money.js';
import { modifierText } from './modifiers.js';
import { discountWords } from './discounts.js';

class GuestBill extends TerminalElement {
  static properties = { receipt: { state: true } };

  open(receipt) {
    this.receipt = receipt;
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
  }

  render() {
    const t = this.terminal;
    const r = this.receipt;
    const money = (g) => formatMoney(g, t.lang);
    const subtotal = r?.subtotal ?? (r?.lines ?? []).reduce((sum, l) => sum + (l.total ?? 0), 0);
    const discounted = (r?.discountTotal ?? 0) > 0 || !!r?.discount;
    return html`<dialog class="bill" aria-labelledby="bill-title">
      ${r ? html`<h2 id="bill-title">${t.t('bill.title')}: ${r.name}</h2>
        <p>${t.config?.shopName ?? ''}</p>
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
        <p><strong>${t.t('bill.notFiscal')}</strong></p>
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
