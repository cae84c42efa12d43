// Split (move chosen lines to another or a new receipt), merge (all lines into another receipt) and
// reassign (another user becomes the owner), as one chooser dialog.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatQuantity } from './money.js';

class MoveDialog extends TerminalElement {
  static properties = { mode: { state: true }, receipt: { state: true } };

  open(mode, receipt) {
    this.mode = mode;
    this.receipt = receipt;
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
  }

  close() {
    this.querySelector('dialog').close();
  }

  submit(event) {
    event.preventDefault();
    const t = this.terminal;
    const r = this.receipt;
    const form = this.querySelector('form');
    const target = form.querySelector('input[name=target]:checked')?.value;
    if (this.mode === 'split') {
      const ids = [...form.querySelectorAll('input[name=line]:checked')].map((i) => i.value);
      if (ids.length === 0 || !target) return;
      t.moveLines(r, r.lines.filter((l) => ids.includes(l.id)), target === 'new' ? null : t.receipts[target]);
    } else if (this.mode === 'merge') {
      if (!target) return;
      t.merge(r, t.receipts[target]);
    } else if (this.mode === 'reassign') {
      if (!target) return;
      t.reassign(r, Number(target));
    }
    this.close();
  }

  targets() {
    const t = this.terminal;
    return Object.values(t.receipts).filter((x) => x.id !== this.receipt.id && !x.occupied && t.editable(x))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }

  body() {
    const t = this.terminal;
    const r = this.receipt;
    if (this.mode === 'reassign') {
      return html`<h2 id="move-title">${t.t('reassign.title', { name: r.name })}</h2>
        <div class="choices">${(t.config?.users ?? []).filter((u) => u.id !== r.ownerUserId).map((u) => html`
          <label><input type="radio" name="target" value=${u.id}> ${u.name}</label>`)}</div>`;
    }
    const targets = this.targets().map((x) => html`<label><input type="radio" name="target" value=${x.id}> ${x.name}</label>`);
    if (this.mode === 'merge') {
      return html`<h2 id="move-title">${t.t('merge.title', { name: r.name })}</h2>
        <fieldset class="choices"><legend>${t.t('merge.into')}</legend>${targets}</fieldset>`;
    }
    return html`<h2 id="move-title">${t.t('split.title', { name: r.name })}</h2>
      <fieldset class="choices"><legend>${t.t('split.choose')}</legend>
        ${(r.lines ?? []).map((l) => html`<label><input type="checkbox" name="line" value=${l.id}> ${l.name} × ${formatQuantity(l.quantity, t.lang)}</label>`)}
      </fieldset>
      <fieldset class="choices"><legend>${t.t('split.target')}</legend>
        <label><input type="radio" name="target" value="new" checked> ${t.t('split.newReceipt')}</label>${targets}
      </fieldset>`;
  }

  render() {
    const t = this.terminal;
    return html`<dialog aria-labelledby="move-title">
      ${this.receipt ? html`<form @submit=${this.submit}>
        ${this.body()}
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>${t.t('receipt.cancel')}</button>
          <button class="primary" data-action="confirm-move">${t.t(this.mode === 'split' ? 'split.move' : this.mode === 'merge' ? 'receipt.merge' : 'receipt.reassign')}</button>
        </div>
      </form>` : ''}
    </dialog>`;
  }
}
customElements.define('move-dialog', MoveDialog);
