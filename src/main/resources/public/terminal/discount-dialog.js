// A discount on one line or on the whole receipt (GIVE_DISCOUNTS): percent or amount, a reason
// (required), or removing the one there is. What is not a discount is asked again: the dialog stays
// open with what was typed and the reason next to the field, and nothing is sent. The server prices
// it (discounts.js previews it until then).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatAmount } from './money.js';
import { KINDS, parseDiscount, percentText, reasonFits, reasonLimit } from './discounts.js';

class DiscountDialog extends TerminalElement {
  static properties = {
    receipt: { state: true }, line: { state: true }, kind: { state: true },
    error: { state: true }, invalid: { state: true },
  };

  /** Opens for {@code line} of {@code receipt}, or for the whole receipt when line is null. */
  async open(receipt, line = null) {
    const t = this.terminal;
    this.receipt = receipt;
    this.line = line;
    const held = (line ?? receipt).discount;
    this.kind = held?.kind ?? 'PERCENT';
    this.error = null;
    this.invalid = null;
    await this.updateComplete;
    const value = !held ? '' : held.kind === 'PERCENT' ? percentText(held.value, t.lang)
      : formatAmount(held.value, t.lang);
    this.querySelector('#discount-value').value = value;
    this.querySelector('#discount-reason').value = held?.reason ?? '';
    this.querySelector('dialog').showModal();
  }

  /** The grosze the discount is taken off: the line's total, or what the lines owe together. */
  get base() {
    if (this.line) return this.line.total ?? 0;
    return (this.receipt.lines ?? []).reduce((s, l) => s + (l.due ?? l.total - (l.discount?.amount
      ?? 0)), 0);
  }

  close() {
    this.querySelector('dialog')?.close();
    this.receipt = null;
    this.line = null;
  }

  submit(event) {
    event.preventDefault();
    const t = this.terminal;
    const parsed = parseDiscount(this.kind, this.querySelector('#discount-value').value, this.base);
    if (parsed.error) {
      return this.refuse('discount-value',
        t.t(parsed.error, { max: formatMoney(this.base, t.lang) }));
    }
    const reason = this.querySelector('#discount-reason').value.trim();
    if (!reasonFits(reason, t.config)) {
      return this.refuse('discount-reason',
        t.t('discount.badReason', { max: reasonLimit(t.config) }));
    }
    this.apply({ kind: this.kind, value: parsed.value, reason });
  }

  apply(discount) {
    const t = this.terminal;
    if (this.line) t.setLineDiscount(this.receipt, this.line, discount);
    else t.setReceiptDiscount(this.receipt, discount);
    this.close();
  }

  /** Says what is wrong next to the field and puts the cursor in it; sends nothing. */
  async refuse(field, message) {
    this.error = message;
    this.invalid = field;
    await this.updateComplete;
    this.querySelector('#' + field).focus();
  }

  render() {
    const t = this.terminal;
    if (!t) return html``;
    const r = this.receipt;
    const held = r ? (this.line ?? r).discount : null;
    const title = this.line ? t.t('discount.lineTitle', { name: this.line.name })
      : t.t('discount.receiptTitle');
    const error = (field) => (this.invalid === field && this.error
      ? html`<p class="error" id="${field}-error" role="alert">${this.error}</p>` : '');
    return html`<dialog aria-labelledby="discount-title"
      @cancel=${(e) => { e.preventDefault(); this.close(); }}>
      <form @submit=${this.submit} novalidate>
        <h2 id="discount-title">${r ? title : ''}</h2>
        ${r ? html`<p class="muted">${t.t('discount.base',
          { amount: formatMoney(this.base, t.lang) })}</p>` : ''}
        <div class="kinds" role="group" aria-label=${t.t('discount.kind')}>
          ${KINDS.map((k) => html`<button type="button" data-kind=${k}
            aria-pressed=${this.kind === k}
            @click=${() => { this.kind = k; this.error = null; this.invalid = null; }}>${t.t(
              k === 'PERCENT' ? 'discount.percent' : 'discount.amount')}</button>`)}
        </div>
        <label for="discount-value">${t.t(this.kind === 'PERCENT' ? 'discount.valuePercent'
          : 'discount.valueAmount')}</label>
        <input id="discount-value" inputmode="decimal" autocomplete="off"
          aria-invalid=${this.invalid === 'discount-value' ? 'true' : 'false'}
          aria-describedby="discount-value-error">
        ${error('discount-value')}
        <label for="discount-reason">${t.t('discount.reason')}</label>
        <input id="discount-reason" autocomplete="off"
          aria-invalid=${this.invalid === 'discount-reason' ? 'true' : 'false'}
          aria-describedby="discount-reason-error">
        ${error('discount-reason')}
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>${t.t('receipt.cancel')}</button>
          ${held ? html`<button type="button" class="danger" data-action="remove-discount"
            @click=${() => this.apply(null)}>${t.t('discount.remove')}</button>` : ''}
          <button class="primary" data-action="apply-discount">${t.t('discount.apply')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
customElements.define('discount-dialog', DiscountDialog);
