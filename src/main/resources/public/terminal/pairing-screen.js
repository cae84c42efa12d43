// Pairing: the one-time code from the back office, entered once; the token is kept in IndexedDB.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { NetworkError } from './api.js';
import { LANGUAGES } from './i18n.js';

class PairingScreen extends TerminalElement {
  static properties = { error: { state: true }, busy: { state: true } };

  async submit(event) {
    event.preventDefault();
    const code = this.querySelector('#pair-code').value;
    this.busy = true;
    this.error = null;
    try {
      await this.terminal.pair(code);
    } catch (e) {
      this.error = e instanceof NetworkError ? this.terminal.t('pair.offline') : e.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const t = this.terminal;
    return html`<main class="card">
      <h1>${t.t('pair.title')}</h1>
      <p class="muted">${t.t('pair.help')}</p>
      ${t.error ? html`<p class="error" role="alert">${t.error}</p>` : ''}
      <form @submit=${this.submit} novalidate>
        <label for="pair-code">${t.t('pair.code')}</label>
        <input id="pair-code" name="code" autocomplete="off" autocapitalize="characters" required
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="pair-error">
        <div id="pair-error"
          role="alert">${this.error ? html`<p class="error">${this.error}</p>` : ''}</div>
        <button class="primary"
          ?disabled=${this.busy}>${this.busy ? t.t('busy') : t.t('pair.submit')}</button>
      </form>
      <p>${LANGUAGES.map((l) => html`<button lang=${l} aria-pressed=${t.lang === l}
        @click=${() => t.setLanguage(l)}>${l.toUpperCase()}</button> `)}</p>
    </main>`;
  }
}
customElements.define('pairing-screen', PairingScreen);
