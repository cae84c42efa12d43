// The receipt's history (issue 15): who did what on which terminal and when, in sentences, the same
// ones the back office shows ("12:04 Anna on Kasa 1 added 2 x Espresso (18.00 zł)"). The server
// writes them (GET /api/terminal/receipts/{id}/history) in the language the terminal sends, so the
// terminal never rebuilds a sentence from raw fields. It needs the server: offline it says so. A
// receipt the server does not have yet (made offline, unsent) has no history there. As on the back
// office's receipt page, the history of every receipt merged into this one follows its own (a merged
// receipt is deleted: its earlier entries are seen nowhere else).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { ApiError, NetworkError } from './api.js';

class ReceiptHistory extends TerminalElement {
  static properties = { receipt: { state: true }, entries: { state: true }, merged: { state: true },
    problem: { state: true } };

  open(receipt) {
    this.receipt = receipt;
    this.entries = null;
    this.merged = [];
    this.problem = null;
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
    const asked = receipt.id;
    this.terminal.api.call('GET', '/api/terminal/receipts/' + encodeURIComponent(receipt.id) + '/history')
      .then(({ body }) => {
        if (this.receipt?.id !== asked) return;
        this.entries = body.entries ?? [];
        this.merged = body.merged ?? [];
      })
      .catch((e) => {
        if (this.receipt?.id !== asked) return;
        if (e instanceof ApiError && e.status === 404) this.entries = [];
        else if (e instanceof NetworkError) this.problem = this.terminal.t('history.offline');
        else this.problem = e.message;
      });
  }

  close() {
    this.querySelector('dialog').close();
    this.receipt = null;
  }

  list() {
    const t = this.terminal;
    if (this.problem) return html`<p class="hint" data-history-problem>${this.problem}</p>`;
    if (this.entries === null) return html`<p class="muted" data-history-loading>${t.t('history.loading')}</p>`;
    if (this.entries.length === 0) return html`<p class="muted" data-history-empty>${t.t('history.empty')}</p>`;
    return html`<div class="history-body">${this.sentences(this.entries)}
      ${this.merged.map((m) => html`<section data-history-merged=${m.receiptId}>
        <h3>${t.t('history.merged', { name: m.name })}</h3>
        ${this.sentences(m.entries ?? [])}</section>`)}</div>`;
  }

  sentences(entries) {
    return html`<ol class="history">${entries.map((e) => html`<li data-history-entry>${e.sentence}</li>`)}</ol>`;
  }

  render() {
    const t = this.terminal;
    const r = this.receipt;
    return html`<dialog class="receipt-history" aria-labelledby="history-title"
      @close=${() => { this.receipt = null; }}>
      ${r ? html`<h2 id="history-title">${t.t('history.title', { name: r.name })}</h2>
        ${this.list()}
        <div class="buttons">
          <button type="button" data-action="close-history"
            @click=${() => this.close()}>${t.t('receipt.close')}</button>
        </div>` : ''}
    </dialog>`;
  }
}
customElements.define('receipt-history', ReceiptHistory);
