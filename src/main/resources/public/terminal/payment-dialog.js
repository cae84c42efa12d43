// Payment: takes the payment lease first (startPayment: other terminals see the receipt as being
// paid and cannot edit it), then cash with change, card, voucher, transfer, or any split of them.
// The server decides the total, the change and whether the bill changed under the cashier (pay
// names the seq). Offline, cash only: payOffline is queued and the receipt closes here at once.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatAmount, parseMoney } from './money.js';
import { outcome } from './outbox.js';
import { billControls, splitCommand } from './payment-split.js';

/**
 * The tender methods as the applied configuration serves them (docs/protocol.md "Configuration"):
 * {method, change}, where only a method with {@code change} may exceed the amount due.
 */
const tenders = (config) => config?.payments ?? [];
/** How long a payment waits for the stream to bring the receipt up to its lease (see caughtUp). */
const CATCH_UP_MS = 3_000;

class PaymentDialog extends TerminalElement {
  static properties = {
    receipt: { state: true }, phase: { state: true },
    amounts: { state: true }, texts: { state: true },
    message: { state: true }, done: { state: true },
    split: { state: true }, tip: { state: true }, partsDone: { state: true }, part: { state: true },
  };

  /**
   * Opens the payment of {@code receipt}; with {@code method} (the receipt's one-tap "Card") the
   * whole amount due is paid with it as soon as the lease is taken, with no further tap.
   */
  async open(receipt, method = null) {
    const t = this.terminal;
    const opening = this.opening = {}; // this opening of the dialog (cancel ends it)
    this.receipt = receipt;
    this.amounts = {};
    this.texts = {};
    this.message = null;
    this.done = null;
    this.part = null;
    this.split = { mode: 'whole', parts: 2, amountText: '' };
    this.tip = { kind: 'none', percent: 0, text: '' };
    this.partsDone = 0;
    this.phase = 'lease';
    this.leaseSeq = null;
    await this.updateComplete;
    this.querySelector('dialog').showModal();
    this.offline = t.connection !== 'online';
    if (this.offline) {
      // Offline: cash only, closed here at once and sent from the outbox (docs/protocol.md "Paying
      // offline"); card and the other methods need the server (and the card terminal).
      this.phase = 'tender';
      this.message = null;
      return;
    }
    const { answered } = await t.startPayment(receipt);
    const ack = await answered;
    const refused = outcome(ack) === 'refused';
    if (this.opening !== opening) {
      // Cancelled while the lock was on its way: once it is taken, give it back at once, so the
      // receipt is not left locked for colleagues with no payment dialog open anywhere.
      if (!refused) t.cancelPayment(receipt);
      return;
    }
    if (refused) {
      this.phase = 'error';
      this.message = ack.message;
      return;
    }
    this.phase = 'tender';
    this.leaseSeq = ack.seq ?? 0;
    if (method && this.offered.includes(method)) {
      this.amounts = { [method]: this.due };
      this.texts = { [method]: formatAmount(this.due, t.lang) };
      await this.confirm();
      return;
    }
    this.renew();
  }

  /**
   * The lease lasts 60 s; renew it while the cashier is still counting money, but never take back
   * a lock a manager broke meanwhile (willUpdate ends the payment then).
   */
  renew() {
    const t = this.terminal;
    clearInterval(this.renewal);
    this.renewal = setInterval(async () => {
      if (this.phase !== 'tender' || !this.receipt || this.lockLost()) {
        clearInterval(this.renewal);
        return;
      }
      const renewed = await (await t.startPayment(this.receipt)).answered;
      if (outcome(renewed) !== 'refused') this.leaseSeq = Math.max(this.leaseSeq, renewed.seq ?? 0);
    }, 30_000);
  }

  /**
   * Whether this terminal's lock on the receipt is gone: a change after the lease was taken (or
   * last renewed) left the receipt without it, i.e. someone with BREAK_PAYMENT_LOCK broke it.
   */
  lockLost() {
    const t = this.terminal;
    const r = t.state.receipts[this.receipt?.id];
    if (!r || this.leaseSeq == null || (r.seq ?? 0) <= this.leaseSeq) return false;
    return !(r.state === 'PAYING' && r.lease?.deviceId === t.device?.id);
  }

  willUpdate() {
    if (this.phase === 'tender' && this.receipt && this.lockLost()) {
      clearInterval(this.renewal);
      this.phase = 'error';
      this.message = this.terminal.t('pay.lockBroken');
    }
  }

  /** What is left to pay of the whole bill (after the parts paid). */
  get left() {
    const live = this.terminal.receipts[this.receipt.id] ?? this.receipt;
    return live.parts?.remaining ?? live.total;
  }

  /** What this payment pays: the bill, or this part of it (payment-split.js), plus the tip. */
  get due() {
    return this.amountDue + this.tipDue;
  }

  get amountDue() {
    return splitCommand(this).amount;
  }

  get tipDue() {
    return splitCommand(this).tip;
  }

  get paid() {
    return this.offered.reduce((s, m) => s + (this.amounts[m] ?? 0), 0);
  }

  /** As the cashier types: the sums follow every key, the field keeps exactly what was typed. */
  setAmount(method, text) {
    this.texts = { ...this.texts, [method]: text };
    this.amounts = { ...this.amounts, [method]: parseMoney(text) ?? 0 };
  }

  fill(method) {
    const rest = Math.max(0, this.due - (this.paid - (this.amounts[method] ?? 0)));
    this.amounts = { ...this.amounts, [method]: rest };
    this.texts = { ...this.texts, [method]: rest ? formatAmount(rest, this.terminal.lang) : '' };
  }

  /** The methods the dialog offers: offline only those that give change (cash). */
  get offered() {
    const all = tenders(this.terminal.config);
    return (this.offline ? all.filter((p) => p.change) : all).map((p) => p.method);
  }

  /** Offline: queues payOffline of the amount due and shows the change; nothing waits for the server. */
  confirmOffline() {
    const t = this.terminal;
    const due = this.due;
    const change = Math.max(0, this.paid - due);
    t.payOffline(this.receipt, due);
    this.done = { total: due, change, offline: true };
    this.phase = 'done';
  }

  async confirm() {
    const t = this.terminal;
    if (this.offline) {
      this.confirmOffline();
      return;
    }
    const payments = this.offered.filter((m) => (this.amounts[m] ?? 0) > 0)
      .map((m) => ({ method: m, amount: this.amounts[m] }));
    this.phase = 'paying';
    clearInterval(this.renewal);
    const receipt = this.receipt;
    // The payment names the seq of the receipt as the server sent it; the lease's answer may come
    // before the stream brought the lines this terminal added just before (a one-tap "Karta" right
    // after the last product): wait for it, or the payment is refused as stale.
    await this.caughtUp(receipt.id, this.leaseSeq ?? 0);
    const { split, tipSpec } = splitCommand(this);
    const { answered } = split ? await t.payPart(receipt, split, payments, tipSpec)
      : await t.pay(receipt, payments, tipSpec);
    const ack = await answered;
    const refused = outcome(ack) === 'refused';
    if (this.receipt !== receipt) {
      // Closed while the server had not answered: the payment still went on. Its outcome is told in
      // a notice (a refusal already is one), so the change to give back is never missed.
      if (!refused) t.notePaid(receipt, ack.result ?? {});
      return;
    }
    if (refused) {
      this.phase = 'tender';
      this.message = ack.message;
      return;
    }
    const result = ack.result ?? { total: this.due, change: Math.max(0, this.paid - this.due) };
    if (split && !result.saleId) {
      // A part paid, more to pay: show its change, then the next part (the lease is still ours).
      this.part = result;
      this.partsDone += 1;
      this.phase = 'part';
      return;
    }
    this.done = result;
    this.phase = 'done';
  }

  /**
   * Resolves once the stream brought receipt {@code id} up to {@code seq} (true), or after
   * {@code ms} without it (false: the payment goes anyway and the server judges it).
   */
  caughtUp(id, seq, ms = CATCH_UP_MS) {
    const t = this.terminal;
    const seen = () => (t.state.receipts[id]?.seq ?? 0) >= seq;
    if (seen()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (seen()) done(true);
      };
      const timer = setTimeout(() => done(seen()), ms);
      function done(ok) {
        clearTimeout(timer);
        t.removeEventListener('change', check);
        resolve(ok);
      }
      t.addEventListener('change', check);
    });
  }

  nextPart() {
    this.amounts = {};
    this.texts = {};
    this.message = null;
    this.part = null;
    this.phase = 'tender';
    this.renew();
  }

  async cancel() {
    const t = this.terminal;
    clearInterval(this.renewal);
    const dialog = this.querySelector('dialog');
    if (this.phase === 'tender' || this.phase === 'error' || this.phase === 'part') {
      const live = t.receipts[this.receipt.id];
      if (live?.state === 'PAYING' && live.lease?.deviceId === t.device?.id) {
        t.cancelPayment(this.receipt);
      }
    }
    const settled = this.phase === 'done';
    dialog.close();
    this.receipt = null;
    this.opening = null;
    // The bill is paid and its dialog closed: the sale screen offers the next table (a phone's drawer).
    if (settled) this.dispatchEvent(new CustomEvent('settled', { bubbles: true }));
  }

  body() {
    const t = this.terminal;
    const money = (g) => formatMoney(g, t.lang);
    if (this.phase === 'lease') return html`<p role="status">${t.t('pay.waiting')}</p>`;
    if (this.phase === 'paying') return html`<p role="status"
      data-paying="true">${t.t('pay.sending')}</p>`;
    if (this.phase === 'error') return html`<p class="error" role="alert">${this.message}</p>`;
    if (this.phase === 'done' || this.phase === 'part') {
      const r = this.phase === 'done' ? this.done : this.part;
      return html`${this.phase === 'done' ? html`<p role="status" class="hint"
        data-paid="true">${t.t('pay.done',
          { total: money(r.total ?? r.amount ?? this.due), change: money(r.change ?? 0) })}</p>`
        : html`<p role="status" class="hint" data-part-paid="true">${t.t('pay.partDone',
          { amount: money(r.amount ?? 0), left: money(r.remaining ?? 0) })}</p>`}
        ${r.offline ? html`<p class="muted" data-paid-offline="true">${t.t('pay.offlineQueued')}</p>` : ''}
        <div class="change-big" role="status"><span>${t.t('pay.changeBig')}</span>
          <strong id="pay-change-given">${money(r.change ?? 0)}</strong></div>
        ${this.phase === 'part' ? html`<div class="buttons"><button class="primary"
          data-action="next-part" @click=${() => this.nextPart()}>${t.t('pay.nextPart')}</button></div>`
          : ''}`;
    }
    const due = this.due;
    const paid = this.paid;
    const cash = tenders(t.config).filter((p) => p.change)
      .reduce((s, p) => s + (this.amounts[p.method] ?? 0), 0);
    const nonCash = paid - cash;
    // Methods without change (card, voucher, transfer) above the amount due are not allowed: then
    // there is no change to show (the server's rule, PaymentRules).
    const change = nonCash > due ? 0 : Math.max(0, Math.min(cash, paid - due));
    const short = Math.max(0, due - paid);
    return html`
      ${this.offline ? html`<p class="notice" role="status"
        data-offline-cash="true">${t.t('pay.offlineCashOnly')}</p>` : billControls(this)}
      <div class="tender">
        ${this.offered.map((m) => html`<div>
          <label for="pay-${m}">${t.t('pay.' + m.toLowerCase())}</label>
          <input id="pay-${m}" inputmode="decimal" .value=${this.texts[m] ?? ''}
            aria-label=${t.t('pay.amount',
              { method: t.t('pay.' + m.toLowerCase()) })}
            @input=${(e) => this.setAmount(m, e.target.value)}>
          <button type="button" data-fill=${m}
            @click=${() => this.fill(m)}>${t.t('pay.fill')}</button>
        </div>`)}
      </div>
      <div class="pay-summary" role="status">
        <span>${t.t('pay.due')}</span><strong class="amount" id="pay-due">${money(due)}</strong>
        <span>${t.t('pay.received')}</span><span class="amount">${money(paid)}</span>
      </div>
      <div class="change-big" role="status"><span>${t.t('pay.change')}</span>
        <strong id="pay-change">${money(change)}</strong></div>
      ${short > 0 ? html`<p class="muted">${t.t('pay.short', { amount: money(short) })}</p>` : ''}
      ${nonCash > due ? html`<p class="error"
        data-reason="non-cash-over">${t.t('pay.nonCashOver')}</p>` : ''}
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : ''}
      <div class="buttons"><button class="primary" data-action="confirm-pay"
        ?disabled=${short > 0 || nonCash > due}
        @click=${() => this.confirm()}>${t.t('pay.confirm')}</button></div>`;
  }

  render() {
    const t = this.terminal;
    return html`<dialog aria-labelledby="pay-title"
      @cancel=${(e) => { e.preventDefault(); this.cancel(); }}>
      ${this.receipt
        ? html`<h2 id="pay-title">${t.t('pay.title',
          { name: this.receipt.name })}</h2>${this.body()}
        <div class="buttons"><button type="button" data-action="close-pay"
          @click=${() => this.cancel()}>
          ${t.t({ done: 'receipt.close',
            paying: 'pay.hide' }[this.phase] ?? 'receipt.cancel')}</button></div>` : ''}
    </dialog>`;
  }
}
customElements.define('payment-dialog', PaymentDialog);
