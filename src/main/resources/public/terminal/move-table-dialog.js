// "Move table" on the receipt's actions (issue 12): the floor view in a dialog, where the cashier
// taps the table the receipt goes to (floor-actions.js decides between a move and a merge).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import './floor-plan.js';

class MoveTableDialog extends TerminalElement {
  static properties = { receipt: { state: true } };

  open(receipt) {
    this.receipt = receipt;
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
  }

  close() {
    this.querySelector('dialog')?.close();
    this.receipt = null;
  }

  chosen(event) {
    const receipt = this.receipt;
    this.close();
    this.terminal.moveTable(receipt, event.detail);
  }

  render() {
    const t = this.terminal;
    const r = this.receipt;
    return html`<dialog class="move-table" aria-labelledby="move-table-title" @close=${() => {
      this.receipt = null;
    }}>
      ${r ? html`<h2 id="move-table-title">${t.t('moveTable.title', { name: r.name })}</h2>
        <p class="muted">${t.t('moveTable.help')}</p>
        <floor-plan .terminal=${t} .choosing=${r} @chosen=${(e) => this.chosen(e)}></floor-plan>
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>${t.t('receipt.cancel')}</button>
        </div>` : ''}
    </dialog>`;
  }
}
customElements.define('move-table-dialog', MoveTableDialog);
