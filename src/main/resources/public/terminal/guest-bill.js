// The bill a guest sees (the seed's "waiter's bill"): printable, not fiscal.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatQuantity, receiptVat } from './money.js';

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
    return html`<dialog class="bill" aria-labelledby="bill-title">
      ${r ? html`<h2 id="bill-title">${t.t('bill.title')}: ${r.name}</h2>
        <p>${t.config?.shopName ?? ''}</p>
        ${r.guests ? html`<p>${t.t('bill.guests', { count: r.guests })}</p>` : ''}
        <table>
          ${(r.lines ?? []).map((l) => html`<tr><td>${l.name}</td><td class="amount">${formatQuantity(l.quantity, t.lang)} × ${money(l.unitPrice)}</td><td class="amount">${money(l.total)}</td></tr>`)}
          <tr><th>${t.t('receipt.total')}</th><td></td><th class="amount">${money(r.total)}</th></tr>
          ${receiptVat(r).map((v) => html`<tr class="muted"><td>${t.t('receipt.vat',
            { rate: v.rate === 'ZW' ? t.t('receipt.vatExempt') : v.rate + '%' })}</td><td></td><td class="amount">${money(v.vat)}</td></tr>`)}
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
