// A numeric PIN pad: digits, backspace, clear. Fires 'pin' with {detail: value} on every change;
// the physical keyboard works too (digits, Backspace) through the input it drives.
import { LitElement, html } from 'lit';

class PinPad extends LitElement {
  static properties = { value: { type: String }, t: { attribute: false } };

  constructor() {
    super();
    this.value = '';
  }

  createRenderRoot() {
    return this;
  }

  press(key) {
    if (key === 'back') this.value = this.value.slice(0, -1);
    else if (key === 'clear') this.value = '';
    else if (this.value.length < 12) this.value += key;
    this.dispatchEvent(new CustomEvent('pin', { detail: this.value, bubbles: true }));
  }

  render() {
    const t = this.t;
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
    return html`<div class="pin-pad" role="group" aria-label=${t('login.pin')}>
      ${keys.map((k) => {
        if (k === 'clear') return html`<button type="button" data-key="clear"
          aria-label=${t('login.clear')} @click=${() => this.press(k)}>C</button>`;
        if (k === 'back') return html`<button type="button" data-key="back"
          aria-label=${t('login.back')} @click=${() => this.press(k)}>⌫</button>`;
        return html`<button type="button" data-key=${k} aria-label=${t('login.digit', { digit: k })}
          @click=${() => this.press(k)}>${k}</button>`;
      })}
    </div>`;
  }
}
customElements.define('pin-pad', PinPad);
