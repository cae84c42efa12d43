// Base of the app's components: light DOM (one stylesheet, terminal.css, styles everything), and a
// re-render whenever the terminal says something changed: the terminal object stays the same, so
// Lit's property check alone would never update a child.
import { LitElement } from 'lit';

export class TerminalElement extends LitElement {
  static properties = { terminal: { attribute: false } };

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

  willUpdate(changed) {
    if (changed.has('terminal')) this.listen();
  }

  listen() {
    this.unlisten?.();
    this.unlisten = null;
    const terminal = this.terminal;
    if (!terminal || !this.isConnected) return;
    const onChange = () => this.requestUpdate();
    terminal.addEventListener('change', onChange);
    this.unlisten = () => terminal.removeEventListener('change', onChange);
  }
}
