// The receipts list: tables in the configured order (free / mine / a colleague's / occupied by
// someone I may not see), then ad-hoc receipts, and "+" at the end that adds a receipt and switches
// to it. The List / Floor switch on top shows the floor view instead (floor-plan.js).
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney } from './money.js';
import { viewToggle } from './view-toggle.js';

class ReceiptsList extends TerminalElement {
  pick(item) {
    const t = this.terminal;
    if (item.receipt) t.select(item.receipt.id);
    else t.openTable(item.slot);
    this.dispatchEvent(new CustomEvent('picked', { bubbles: true }));
  }

  removeEmpty() {
    const t = this.terminal;
    if (window.confirm(t.t('list.deleteEmptyConfirm', { count: t.emptyAdHoc.length }))) {
      t.removeEmpty();
    }
  }

  async add() {
    await this.terminal.openAdHoc();
    this.dispatchEvent(new CustomEvent('picked', { bubbles: true }));
  }

  render() {
    const t = this.terminal;
    const current = t.current;
    const empty = t.emptyAdHoc.length;
    return html`<nav aria-labelledby="receipts-title">
      <div class="list-head"><h2 id="receipts-title">${t.t('list.title')}</h2>
        ${t.slots.length > 0 ? viewToggle(t, 'list', this) : ''}</div>
      <ul>
        ${repeat(t.list, (item) => item.key, (item) => {
          const r = item.receipt;
          const status = item.paying ? 'paying' : item.status;
          const name = item.slot?.name ?? r.name;
          return html`<li><button class="${item.status} ${item.paying ? 'paying' : ''}"
            data-key=${item.key} data-status=${status}
              aria-current=${current && r
                && current.id === r.id ? 'true' : 'false'} @click=${() => this.pick(item)}>
            <span class="name">${r?.attention ? '⚠ ' : ''}${name}</span>
            <span class="status">${t.t('list.' + status)}</span>
            <span class="total amount">${r && !r.occupied
              ? formatMoney(r.total, t.lang) : ''}</span>
          </button></li>`;
        })}
        <li><button class="add" data-action="add-receipt" aria-label=${t.t('list.add')}
          @click=${() => this.add()}>+</button></li>
      </ul>
      ${empty > 0 ? html`<button class="clean" data-action="delete-empty"
        @click=${() => this.removeEmpty()}
        >${t.t('list.deleteEmpty', { count: empty })}</button>` : ''}
    </nav>`;
  }
}
customElements.define('receipts-list', ReceiptsList);
