// Split (move chosen lines to another or a new receipt), merge (all lines into another receipt) and
// reassign (another user becomes the owner), as one chooser dialog.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatQuantity } from './money.js';
import { modifierText } from './modifiers.js';

class MoveDialog extends TerminalElement {
  static properties = { mode: { state: true }, receipt: { state: true } };

  open(mode, receipt) {
    this.mode = mode;
    this.receipt = receipt;
    // What was ticked the last time is not a choice made now (Lit keeps the inputs between
    // openings).
    this.updateComplete.then(() => {
      this.querySelector('form')?.reset();
      this.querySelector('dialog').showModal();
    });
  }

  close() {
    this.querySelector('dialog').close();
  }

  /**
   * What the chosen target radio names: {receipt}, {slot} (a free table) or null (a new receipt).
   */
  chosen(form) {
    const value = form.querySelector('input[name=target]:checked')?.value;
    if (!value) return undefined;
    if (value === 'new') return null;
    const [kind, id] = [value.slice(0, 2), value.slice(2)];
    // Gone meanwhile (paid, merged elsewhere, removed from the list): nothing is chosen any more.
    const found = kind === 'r:' ? { receipt: this.terminal.receipts[id] }
      : { slot: (this.terminal.config?.slots ?? []).find((s) => s.id === id) };
    return found.receipt || found.slot ? found : undefined;
  }

  submit(event) {
    event.preventDefault();
    const t = this.terminal;
    const r = this.receipt;
    const form = this.querySelector('form');
    if (this.mode === 'reassign') {
      const user = form.querySelector('input[name=target]:checked')?.value;
      if (!user) return;
      t.reassign(r, Number(user));
      this.close();
      return;
    }
    const to = this.chosen(form);
    if (to === undefined) return;
    if (this.mode === 'split') {
      const parts = [...form.querySelectorAll('input[name=line]:checked')].map((box) => {
        const line = r.lines.find((l) => l.id === box.value);
        const count = form.querySelector(`input[data-count-for="${box.value}"]`);
        const quantity = count ? Math.round(Number(count.value)) * 1000 : line.quantity;
        return { line, quantity: Math.min(Math.max(quantity, 1000), line.quantity) };
      });
      if (parts.length === 0) return;
      t.moveLines(r, parts, to);
    } else {
      t.merge(r, to);
    }
    this.close();
  }

  /** Open receipts I may change, then free tables: where lines can go. */
  targets() {
    const t = this.terminal;
    const open = Object.values(t.receipts)
      .filter((x) => x.id !== this.receipt.id && !x.occupied && t.editable(x))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
      .map((x) => html`<label><input type="radio" name="target"
        value=${'r:' + x.id}> ${x.name}</label>`);
    const free = t.list.filter((item) => item.slot && !item.receipt)
      .map((item) => html`<label><input type="radio" name="target"
        value=${'s:' + item.slot.id}> ${t.t('move.freeTable', { name: item.slot.name })}</label>`);
    return [...open, ...free];
  }

  /** A line to choose; a whole count above one may be split: how many of it move. */
  line(l) {
    const t = this.terminal;
    const units = l.quantity % 1000 === 0 ? l.quantity / 1000 : 1;
    return html`<div class="split-line">
      <label><input type="checkbox" name="line"
        value=${l.id}> ${l.name}${l.modifiers?.length ? html` <small class="muted"
          >(${modifierText(l.modifiers)})</small>` : ''} × ${formatQuantity(
          l.quantity, t.lang)}</label>
      ${units > 1
        ? html`<label class="count"><span
          class="visually-hidden">${t.t('split.howMany', { name: l.name })}</span>
        <input type="number" data-count-for=${l.id} min="1" max=${units} step="1"
          value=${String(units)}></label>` : ''}
    </div>`;
  }

  body() {
    const t = this.terminal;
    const r = this.receipt;
    if (this.mode === 'reassign') {
      return html`<h2 id="move-title">${t.t('reassign.title', { name: r.name })}</h2>
        <div class="choices" role="radiogroup"
          aria-labelledby="move-title">${(t.config?.users ?? [])
          .filter((u) => u.id !== r.ownerUserId).map((u) => html`
          <label><input type="radio" name="target" value=${u.id}> ${u.name}</label>`)}</div>`;
    }
    if (this.mode === 'merge') {
      return html`<h2 id="move-title">${t.t('merge.title', { name: r.name })}</h2>
        <fieldset
          class="choices"><legend>${t.t('merge.into')}</legend>${this.targets()}</fieldset>`;
    }
    return html`<h2 id="move-title">${t.t('split.title', { name: r.name })}</h2>
      <fieldset class="choices"><legend>${t.t('split.choose')}</legend>${(r.lines ?? [])
        .map((l) => this.line(l))}</fieldset>
      <fieldset class="choices"><legend>${t.t('split.target')}</legend>
        <label><input type="radio" name="target" value="new"
          checked> ${t.t('split.newReceipt')}</label>${this.targets()}
      </fieldset>`;
  }

  render() {
    const t = this.terminal;
    return html`<dialog aria-labelledby="move-title">
      ${this.receipt ? html`<form @submit=${this.submit}>
        ${this.body()}
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>${t.t('receipt.cancel')}</button>
          <button class="primary"
            data-action="confirm-move">${t.t(this.mode === 'split' ? 'split.move'
              : this.mode === 'merge' ? 'receipt.merge' : 'receipt.reassign')}</button>
        </div>
      </form>` : ''}
    </dialog>`;
  }
}
customElements.define('move-dialog', MoveDialog);
