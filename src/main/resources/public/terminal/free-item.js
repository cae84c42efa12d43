// A free item: a name, a typed price (grosze parsed without floating point) and a VAT rate.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { parseMoney, VAT_RATES } from './money.js';
import { characters, limitOf } from './names.js';

class FreeItem extends TerminalElement {
  static properties = { error: { state: true }, invalid: { state: true } };

  open() {
    this.error = null;
    this.invalid = null;
    this.querySelector('form').reset();
    this.querySelector('dialog').showModal();
  }

  submit(event) {
    event.preventDefault();
    const t = this.terminal;
    const name = this.querySelector('#free-name').value.trim();
    const price = parseMoney(this.querySelector('#free-price').value);
    const vat = this.querySelector('#free-vat').value;
    const length = characters(name);
    if (length < 1 || length > limitOf(t.config, 'name')) {
      return this.refuse('free-name', t.t('sale.free.badName'));
    }
    if (price == null) return this.refuse('free-price', t.t('sale.free.badPrice'));
    t.addFree(name, price, vat);
    this.querySelector('dialog').close();
  }

  /**
   * Says what is wrong next to the fields, marks the field and puts the cursor in it. Adds nothing.
   */
  async refuse(field, message) {
    this.error = message;
    this.invalid = field;
    await this.updateComplete;
    this.querySelector('#' + field).focus();
  }

  render() {
    const t = this.terminal;
    return html`<dialog aria-labelledby="free-title">
      <form @submit=${this.submit} novalidate>
        <h2 id="free-title">${t.t('sale.free')}</h2>
        <label for="free-name">${t.t('sale.free.name')}</label>
        <!-- no maxlength: it counts UTF-16 units, the limit is in characters (submit checks) -->
        <input id="free-name" required
          aria-invalid=${this.invalid === 'free-name' ? 'true' : 'false'}
          aria-describedby="free-error">
        <label for="free-price">${t.t('sale.free.price')}</label>
        <input id="free-price" inputmode="decimal" required
          aria-invalid=${this.invalid === 'free-price' ? 'true' : 'false'}
          aria-describedby="free-error">
        <label for="free-vat">${t.t('sale.free.vat')}</label>
        <select id="free-vat">${VAT_RATES.map((r) => html`<option value=${r}>${r === 'ZW'
          ? t.t('receipt.vatExempt') : r + '%'}</option>`)}</select>
        <div role="alert"
          id="free-error">${this.error ? html`<p class="error">${this.error}</p>` : ''}</div>
        <div class="buttons">
          <button type="button"
            @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.cancel')}</button>
          <button class="primary" data-action="add-free">${t.t('sale.free.add')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
customElements.define('free-item', FreeItem);
