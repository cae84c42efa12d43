// The root component: opens the store, loads the terminal and shows the screen its phase calls for
// (pairing -> login -> sale). Components render into the light DOM so one stylesheet (terminal.css)
// styles them and tests can find them; Lit bindings insert remote text as text, never as HTML.
import { LitElement, html } from 'lit';
import { Store } from './store.js';
import { Terminal } from './terminal.js';
import { TabGuard } from './tab-guard.js';
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
      // Only one tab of this browser works the terminal (tab-guard.js): this one takes over, and
      // the one working so far finishes its writes and steps back before this one reads them.
      const guard = new TabGuard();
      const [store] = await Promise.all([Store.open(), guard.claim()]);
      const terminal = new Terminal(store);
      guard.onLost = () => terminal.suspend();
      terminal.addEventListener('change', () => this.requestUpdate());
      await terminal.load();
      document.documentElement.lang = terminal.lang;
      this.terminal = terminal;
      // For the browser tests and the benchmark, which read it and also drive it (actions, a store
      // swapped in): not an API of the app.
      window.paragonTerminal = terminal;
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
    if (t.suspended) {
      return html`<section class="card suspended" data-suspended="true" role="alert">
        <h1>${t.t('tabs.elsewhere')}</h1>
        <p>${t.t('tabs.nothingHere')}</p>
        <button class="primary" data-action="use-here"
          @click=${() => location.reload()}>${t.t('tabs.useHere')}</button>
      </section>`;
    }
    const screen = {
      pair: () => html`<pairing-screen .terminal=${t}></pairing-screen>`,
      login: () => html`<login-screen .terminal=${t}></login-screen>`,
      sale: () => html`<sale-screen .terminal=${t}></sale-screen>`,
    }[t.phase]();
    return html`${screen}<notice-list .terminal=${t}></notice-list>`;
  }
}
customElements.define('paragon-terminal', ParagonTerminal);
