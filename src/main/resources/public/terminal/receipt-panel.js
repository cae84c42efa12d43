// The current receipt: its name, state (paying elsewhere: locked), lines (one row each; the selected
// line shows its quantity +/-, remove, note, price and discount), the total with the VAT breakdown, and the receipt's actions. Totals shown are the
// server's; while a change of this device is unconfirmed they are a preview (marked). An action the
// user's permissions do not allow is not offered at all (lowering or removing a sent line, deleting
// a receipt with lines, changing a price, giving a discount, breaking a payment lock), rather than
// refused after the tap; a missing -/✕ leaves its 44 px place empty, so the other buttons stay
// where the cashier's finger expects them.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney, formatQuantity, formatAmount, parseMoney, receiptVat } from './money.js';
import { characters, limitOf } from './names.js';
import './payment-dialog.js';
import './guest-bill.js';
import './receipt-history.js';
import './move-dialog.js';
import './move-table-dialog.js';
import './discount-dialog.js';
import { modifierText } from './modifiers.js';
import { discountWords } from './discounts.js';
import { seatGroups } from './kitchen-lines.js';
import { courseButton, lineChoosers, seatHeading, waitingNote } from './kitchen-controls.js';

class ReceiptPanel extends TerminalElement {
  static properties = { noteFor: { state: true }, selected: { state: true } };

  /**
   * Asks for a text within the server's limit {@code limit} (served in the configuration, counted
   * in characters as the server counts them): a longer one is offered again with what was typed
   * and the reason, never cut or thrown away.
   */
  ask(key, args, value, limit) {
    const max = limitOf(this.terminal.config, limit);
    let text = value ?? '';
    let question = this.terminal.t(key, args);
    for (;;) {
      const answer = window.prompt(question, text);
      const length = answer === null ? 0 : characters(answer.trim());
      if (answer === null || length <= max) return answer === null ? null : answer.trim();
      text = answer;
      const why = this.terminal.t('receipt.tooLong', { max, length });
      question = `${this.terminal.t(key, args)}\n${why}`;
    }
  }

  editNote(receipt, line) {
    const note = this.ask(line ? 'receipt.lineNote' : 'receipt.note', { name: line?.name },
      (line ?? receipt).note ?? '', 'note');
    if (note === null) return;
    if (line) this.terminal.noteLine(receipt, line, note);
    else this.terminal.noteReceipt(receipt, note);
  }

  rename(receipt) {
    const name = this.ask('receipt.name', {}, receipt.name, 'name');
    if (name === null || !name) return;
    this.terminal.rename(receipt, name);
  }

  /**
   * Asks for a line's new unit price (CHANGE_PRICES); what is not a price is asked again, with why.
   */
  editPrice(receipt, line) {
    const t = this.terminal;
    let text = formatAmount(line.unitPrice, t.lang);
    let question = t.t('receipt.priceAsk', { name: line.name });
    for (;;) {
      const answer = window.prompt(question, text);
      if (answer === null) return;
      const price = parseMoney(answer.trim());
      if (price !== null) {
        if (price !== line.unitPrice) t.changePrice(receipt, line, price);
        return;
      }
      text = answer;
      question = `${t.t('receipt.priceAsk', { name: line.name })}\n${t.t('sale.free.badPrice')}`;
    }
  }

  /**
   * The subtotal, the discounts and the receipt's own discount, above the amount to pay. The row
   * keeps its room when there is no discount (hidden), so a colleague's discount moves nothing.
   */
  subtotals(r) {
    const t = this.terminal;
    const money = (g) => formatMoney(g, t.lang);
    const subtotal = r.subtotal ?? (r.lines ?? []).reduce((s, l) => s + (l.total ?? 0), 0);
    const off = r.discountTotal ?? 0;
    return html`<div class="subtotals ${off > 0 || r.discount ? '' : 'none'}" data-subtotals>
      <span>${t.t('receipt.subtotal')} <span class="amount"
        id="receipt-subtotal">${money(subtotal)}</span></span>
      <span>${t.t('receipt.discounts')} <span class="amount"
        id="receipt-discounts">−${money(off)}</span></span>
      ${r.discount ? html`<span class="receipt-discount" data-receipt-discount
        title=${r.discount.reason ?? ''}>${discountWords(r.discount, t.lang)}</span>` : ''}
    </div>`;
  }

  breakLock(receipt, lease) {
    const t = this.terminal;
    const question = t.t('receipt.breakLockConfirm',
      { name: lease.userName ?? '', receipt: receipt.name });
    if (window.confirm(question)) t.breakLease(receipt);
  }

  remove(receipt) {
    if (window.confirm(this.terminal.t('receipt.deleteConfirm', { name: receipt.name }))) {
      this.terminal.remove(receipt);
    }
  }

  state(receipt) {
    const t = this.terminal;
    if (receipt.occupied) return html`<p class="locked">${t.t('receipt.occupied')}</p>`;
    // Only a running lease is a payment: an expired one (any terminal's) is a free receipt.
    const lock = t.lockedBy(receipt);
    // Who is paying is never cut short; "cannot be edited" gives way first on a narrow screen.
    if (lock) return html`<p class="locked" role="status"
      data-locked="true"><span class="who">${t.t('receipt.payingBy',
        { name: lock.userName ?? '' })}</span><span
        class="why">\u00a0— ${t.t('receipt.payingLocked')}</span></p>`;
    if (t.payingHere(receipt)) return html`<p class="hint"
      data-paying-here>${t.t('receipt.payingMe')}</p>`;
    if (receipt.attention) return html`<p class="hint">${t.t('receipt.attention')}${
      receipt.recoveredFrom ? ' — ' + receipt.recoveredFrom : ''}</p>`;
    // Unconfirmed changes: being sent, or (with no connection) kept on this terminal until it is
    // back.
    const unconfirmed = t.connection === 'online' ? 'receipt.preview' : 'receipt.previewOffline';
    return html`<p class="muted"
      data-unconfirmed=${receipt.preview ? 'true' : 'false'}>${receipt.preview
        ? t.t(unconfirmed) : '\u00a0'}</p>`;
  }

  /**
   * The line this cashier just added is scrolled into view once it is on screen (on a phone, when
   * the receipt tab shows). A colleague's lines never scroll the list: nothing moves under the
   * cashier.
   */
  willUpdate() {
    // The line this cashier just added is the selected one: its +/- are at hand at once.
    const id = this.terminal?.reveal;
    if (id && id !== this.selected) this.selected = id;
  }

  updated() {
    const id = this.terminal?.reveal;
    const line = id && this.querySelector(`li[data-line="${id}"]`);
    if (!line || !line.checkVisibility()) return;
    line.scrollIntoView({ block: 'nearest' });
    this.terminal.reveal = null;
  }

  // The dialogs stay in one place of one template whatever the receipt: paying closes the receipt
  // while its payment dialog is still open, and that dialog must live on to show the change.
  render() {
    const t = this.terminal;
    return html`${this.content()}<payment-dialog .terminal=${t}></payment-dialog>
      <guest-bill .terminal=${t}></guest-bill>
      <receipt-history .terminal=${t}></receipt-history>
      <move-dialog .terminal=${t}></move-dialog>
      <move-table-dialog .terminal=${t}></move-table-dialog>
      <discount-dialog .terminal=${t}></discount-dialog>`;
  }

  /**
   * One tap pays the whole bill by card (the first tender method without change that the
   * configuration serves): the payment dialog takes the lease and pays at once (issue 15). It needs
   * the server, so offline it is disabled.
   */
  oneTap(r, editable, lines) {
    const t = this.terminal;
    const card = (t.config?.payments ?? []).find((p) => p.method === 'CARD');
    if (!card) return '';
    return html`<button class="pay-card" data-action="pay-card"
      ?disabled=${!editable || lines.length === 0 || t.connection !== 'online'}
      title=${t.t('receipt.payCardHint')}
      @click=${() => this.querySelector('payment-dialog').open(r, 'CARD')}>${t.t('pay.card')}</button>`;
  }

  /** Shows the tools of line {@code id} (null: of none). */
  select(id) {
    this.selected = id;
  }

  /** The selected line's quantity buttons, actions and kitchen choosers. */
  tools(r, l, editable, lower, gap) {
    const t = this.terminal;
    const discountDialog = () => this.querySelector('discount-dialog');
    return html`<div class="line-tools">
      <span class="qty">
        ${lower ? html`<button aria-label=${t.t('receipt.minus', { name: l.name })}
          data-action="minus" ?disabled=${!editable}
          @click=${() => t.adjust(r, l, -1000)}>−</button>` : gap}
        <output aria-label=${t.t('receipt.qty')}>${formatQuantity(l.quantity, t.lang)}</output>
        <button aria-label=${t.t('receipt.plus', { name: l.name })} data-action="plus"
          ?disabled=${!editable} @click=${() => t.adjust(r, l, 1000)}>+</button>
      </span>
      <span class="line-actions">
        ${t.can('CHANGE_PRICES') ? html`<button aria-label=${t.t('receipt.price', { name: l.name })}
          data-action="price" ?disabled=${!editable}
          @click=${() => this.editPrice(r, l)}>${t.t('receipt.priceButton')}</button>` : ''}
        ${t.can('GIVE_DISCOUNTS') ? html`<button aria-label=${t.t('discount.lineButton',
          { name: l.name })} data-action="line-discount" ?disabled=${!editable}
          @click=${() => discountDialog().open(r, l)}>%</button>` : ''}
        <button aria-label=${t.t('receipt.lineNote', { name: l.name })} data-action="line-note"
          ?disabled=${!editable} @click=${() => this.editNote(r, l)}>✎</button>
        ${lower ? html`<button class="danger"
          aria-label=${t.t('receipt.remove', { name: l.name })} data-action="remove"
          ?disabled=${!editable} @click=${() => t.removeLine(r, l)}>✕</button>` : gap}
      </span>
      ${lineChoosers(t, r, l, editable)}
    </div>`;
  }

  content() {
    const t = this.terminal;
    const r = t.current;
    if (!r) return html`<p class="muted" style="padding:12px">${t.t('receipt.none')}</p>`;
    const header = html`
      <header>
        <h2 id="receipt-name">${r.name}</h2>
        <div class="state">${r.note ? html`<p class="muted receipt-note" data-note
          title=${r.note}>✎ ${r.note}</p>` : ''}${this.state(r)}</div>
      </header>`;
    // A table someone the user may not see is serving: no contents, so nothing to tap either.
    if (r.occupied) {
      return html`${header}<ul class="lines" aria-labelledby="receipt-name"><li class="muted"
        data-occupied>${t.t('receipt.occupiedHint')}</li></ul>`;
    }
    const editable = t.editable(r);
    const lines = r.lines ?? [];
    const money = (g) => formatMoney(g, t.lang);
    const adHoc = r.kind === 'AD_HOC';
    const discounts = t.can('GIVE_DISCOUNTS');
    const discountDialog = () => this.querySelector('discount-dialog');
    const lock = t.lockedBy(r);
    const gap = html`<span class="gap" aria-hidden="true"></span>`;
    // Grouped by seat when a line has one (kitchen-lines.js); a line as the list shows it.
    const groups = lines.some((l) => Number.isInteger(l.seat)) ? seatGroups(lines) : null;
    // A line is one row (name, quantity x price, total) that a tap selects; only the selected line
    // shows its quantity buttons, actions and kitchen choosers (each a 44 px target), so that many
    // lines fit on the screen (issue 15).
    const item = (l) => {
      const lower = t.mayLower(l);
      const open = this.selected === l.id;
      return html`<li data-line=${l.id} data-sent=${l.sent ? 'true' : 'false'}
        aria-selected=${open ? 'true' : 'false'}>
      <button type="button" class="line-main" aria-expanded=${open ? 'true' : 'false'}
        @click=${() => this.select(open ? null : l.id)}><span class="line-name">${l.name}</span>${
          l.sent ? html`<span class="sent-mark">${t.t('receipt.sent')}</span>` : ''}<span
        class="muted amount line-price">${formatQuantity(l.quantity, t.lang)} × ${
          money(l.unitPrice)}</span><span class="amount line-total">${money(l.total)}</span></button>
      ${l.modifiers?.length ? html`<span class="modifiers muted"
        data-modifiers>${modifierText(l.modifiers)}</span>` : ''}
      ${l.discount ? html`<span class="line-discount"
        data-discount>${discountWords(l.discount, t.lang)}
        <span class="amount">−${money(l.discount.amount ?? 0)}</span></span>` : ''}
      ${l.note ? html`<span class="note">${l.note}</span>` : ''}
      ${open ? this.tools(r, l, editable, lower, gap) : ''}
    </li>`;
    };
    return html`${header}
      <ul class="lines" aria-labelledby="receipt-name">
        ${lines.length === 0 ? html`<li class="muted">${t.t('receipt.empty')}</li>` : ''}
        ${groups ? groups.map((g) => html`${seatHeading(t, g.seat)}${repeat(g.lines, (l) => l.id,
          item)}`) : repeat(lines, (l) => l.id, item)}
      </ul>
      ${waitingNote(t, r)}
      <div class="totals">
        ${this.subtotals(r)}
        <div class="sum"><span>${t.t('receipt.toPay')}</span><span class="amount"
          id="receipt-total">${money(r.total ?? 0)}</span></div>
        <table aria-label=${t.t('receipt.vatTable')}>
          ${receiptVat(r).map((v) => html`<tr><td>${t.t('receipt.vat',
            { rate: v.rate === 'ZW' ? t.t('receipt.vatExempt') : v.rate + '%' })}</td>
            <td class="amount">${money(v.vat)}</td><td class="amount">${t.t('receipt.net',
              { amount: money(v.net) })}</td></tr>`)}
        </table>
      </div>
      <div class="actions" role="group" aria-label=${t.t('receipt.actions')}>
        <button class="primary pay" data-action="pay" ?disabled=${!editable || lines.length === 0}
          @click=${() => this.querySelector('payment-dialog').open(r)}
          >${t.t('receipt.pay')} ${money(r.parts?.remaining ?? r.total ?? 0)}</button>
        ${this.oneTap(r, editable, lines)}
        <div class="more" role="group" aria-label=${t.t('receipt.moreActions')}>
        ${lock && t.can('BREAK_PAYMENT_LOCK') ? html`<button class="danger" data-action="break-lock"
          @click=${() => this.breakLock(r, lock)}>${t.t('receipt.breakLock')}</button>` : ''}
        <button data-action="send" ?disabled=${!editable || !lines.some((l) => !l.sent)}
          @click=${() => t.sendToKitchen(r)}>${t.t('receipt.send')}</button>
        ${courseButton(t, r, editable)}
        <label class="inline" for="guests">${t.t('receipt.guests')}</label>
        <input id="guests" type="number" min="0" max="999" style="width:4.5em"
          aria-label=${t.t('receipt.guestsLabel')} .value=${String(r.guests ?? 0)}
          ?disabled=${!editable} @change=${(e) => t.setGuests(r,
            Math.max(0, Math.min(999, Number(e.target.value) || 0)))}>
        ${discounts ? html`<button data-action="receipt-discount"
          ?disabled=${!editable || lines.length === 0}
          @click=${() => discountDialog().open(r)}>${t.t('discount.receiptButton')}</button>` : ''}
        <button data-action="note" ?disabled=${!editable}
          @click=${() => this.editNote(r)}>${t.t('receipt.note')}</button>
        <button data-action="split" ?disabled=${!editable || lines.length === 0}
          @click=${() => this.querySelector('move-dialog').open('split', r)}
          >${t.t('receipt.split')}</button>
        <button data-action="merge" ?disabled=${!editable}
          @click=${() => this.querySelector('move-dialog').open('merge', r)}
          >${t.t('receipt.merge')}</button>
        ${(r.kind === 'TABLE' || adHoc) && t.slots.length > 0 ? html`<button data-action="move-table"
          ?disabled=${!editable || !!r.draft}
          @click=${() => this.querySelector('move-table-dialog').open(r)}
          >${t.t('receipt.moveTable')}</button>` : ''}
        ${t.can('REASSIGN_RECEIPTS') ? html`<button data-action="reassign" ?disabled=${!editable}
          @click=${() => this.querySelector('move-dialog').open('reassign', r)}
          >${t.t('receipt.reassign')}</button>` : ''}
        <button data-action="bill" ?disabled=${lines.length === 0}
          @click=${() => this.querySelector('guest-bill').open(r)}>${t.t('receipt.bill')}</button>
        <button data-action="history" ?disabled=${t.connection !== 'online'}
          title=${t.connection === 'online' ? '' : t.t('history.offline')}
          @click=${() => this.querySelector('receipt-history').open(r)}>${t.t('receipt.history')}</button>
        ${adHoc ? html`
          <button data-action="rename" ?disabled=${!editable}
            @click=${() => this.rename(r)}>${t.t('receipt.rename')}</button>
          ${t.mayDelete(r) ? html`<button class="danger" data-action="delete" ?disabled=${!editable}
            @click=${() => this.remove(r)}>${t.t('receipt.delete')}</button>` : ''}` : ''}
        </div>
      </div>`;
  }
}
customElements.define('receipt-panel', ReceiptPanel);
