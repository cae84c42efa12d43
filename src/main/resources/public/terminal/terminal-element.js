// Base of the app's components: light DOM (one stylesheet, terminal.css, styles everything), and a
// re-render whenever the terminal says something changed: the terminal object stays the same, so
// Lit's property check alone would never update a child. A {@code dormant} component (one the page
// hides, e.g. the receipts list and the products under the floor view) skips those re-renders and
// catches up in one render when it shows again.
import { LitElement } from 'lit';

export class TerminalElement extends LitElement {
  static properties = { terminal: { attribute: false }, dormant: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.listen();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unlisten?.();
    this.unlisten = null;
  }

  /** Hidden: no render (a new terminal still renders); waking renders what changed meanwhile. */
  shouldUpdate(changed) {
    return !this.dormant || changed.has('terminal');
  }

  willUpdate(changed) {
    if (changed.has('terminal')) this.listen();
  }

  listen() {
    this.unlisten?.();
    this.unlisten = null;
    const terminal = this.terminal;
    if (!terminal || !this.isConnected) return;
    const onChange = () => { if (!this.dormant) this.requestUpdate(); };
    terminal.addEventListener('change', onChange);
    this.unlisten = () => terminal.removeEventListener('change', onChange);
  }
}
