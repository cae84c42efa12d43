// Refused commands and recovered lines, in plain words, until the cashier dismisses them (DESIGN
// rule 6). The server's message and every name are inserted as text.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatQuantity } from './money.js';

class NoticeList extends TerminalElement {
    text(n) {
    const t = this.terminal;
    const lines = n.lines.map((l) => `${l.name} × ${formatQuantity(l.quantity, t.lang)}`)
      .join(', ');
    if (n.kind === 'moved') {
      const target = t.receipts[n.receiptId]?.name ?? '…';
      return t.t('notice.moved', { receipt: n.receiptName ?? '', lines, target });
    }
    if (n.kind === 'paid') {
      return t.t('notice.paid', {
        receipt: n.receiptName ?? '',
        total: formatMoney(n.total ?? 0, t.lang),
        change: formatMoney(n.change ?? 0, t.lang),
      });
    }
    if (n.kind === 'attention') {
      return t.t('notice.attention.' + n.code, { receipt: n.receiptName ?? '' });
    }
    if (n.kind === 'unsaved') {
      const head = n.receiptName ? t.t('notice.unsaved', { receipt: n.receiptName })
        : t.t('notice.unsavedOther');
      return lines ? `${head} ${t.t('notice.nowhere', { lines })}` : head;
    }
    // A command about no receipt (a day close) is named by what it was, not by an empty receipt
    // name.
    const head = n.receiptName
      ? t.t('notice.refused', { receipt: n.receiptName, message: n.message })
      : t.t('notice.refusedOther', { message: n.message });
    // The server's reason may end without a full stop: the sentence about the lines is its own.
    const sentence = /[.!?…]$/.test(head.trim()) ? head.trim() : `${head.trim()}.`;
    return lines
      ? `${sentence} ${t.t(n.where === 'nowhere' ? 'notice.nowhere' : 'notice.unchanged',
        { lines })}`
      : head;
  }

  render() {
    const t = this.terminal;
    return html`<div class="notices" role="alert" aria-live="assertive">
      ${t.notices.map((n, i) => html`<div class="notice ${n.kind}" data-notice=${n.kind}
        data-code=${n.code}>
        <span>${this.text(n)}</span>
        <span class="notice-buttons">
          ${n.kind === 'moved' && t.receipts[n.receiptId] ? html`<button data-action="show-receipt"
            @click=${() => { t.select(n.receiptId); t.dismissNotice(i); }}
            >${t.t('notice.show')}</button>` : ''}
          <button data-action="dismiss"
            @click=${() => t.dismissNotice(i)}>${t.t('notice.dismiss')}</button>
        </span>
      </div>`)}
    </div>`;
  }
}
customElements.define('notice-list', NoticeList);
