// The root component: opens the store, loads the terminal and shows the screen its phase calls for
// (pairing -> login -> sale). Components render into the light DOM so one stylesheet (terminal.css)
// styles them and tests can find them; Lit bindings insert remote text as text, never as HTML.
import { LitElement, html } from 'lit';
import { Store } from './store.js';
import { Terminal } from './terminal.js';
import './pairing-screen.js';
import './login-screen.js';
import './sale-screen.js';
import './notice-list.js';

class ParagonTerminal extends LitElement {
  static properties = { terminal: { state: true }, failure: { state: true } };

  createRenderRoot() {
    return this;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const terminal = new Terminal(await Store.open());
      terminal.addEventListener('change', () => this.requestUpdate());
      await terminal.load();
      document.documentElement.lang = terminal.lang;
      this.terminal = terminal;
      window.paragonTerminal = terminal; // for the browser tests and the benchmark: read-only inspection
    } catch (e) {
      console.error(e);
      this.failure = String(e?.message ?? e);
    }
  }

  render() {
    if (this.failure) return html`<p class="error" role="alert">${this.failure}</p>`;
    const t = this.terminal;
    if (!t) return html`<p class="muted" style="padding:16px">…</p>`;
    document.title = t.t('app.title');
    const screen = {
      pair: () => html`<pairing-screen .terminal=${t}></pairing-screen>`,
      login: () => html`<login-screen .terminal=${t}></login-screen>`,
      sale: () => html`<sale-screen .terminal=${t}></sale-screen>`,
    }[t.phase]();
    return html`${screen}<notice-list .terminal=${t}></notice-list>`;
  }
}
customElements.define('paragon-terminal', ParagonTerminal);
