// Voids after payment on the terminal (issue 12): for a cashier with VOID_SALES, the menu opens the
// last sales of the shop (GET /api/terminal/sales, newest first). Choosing one shows its lines; the
// cashier ticks lines (none: the whole sale), types a reason and voids: POST
// /api/terminal/sales/{id}/void with a correctionId made once per attempt, so a second tap or a
// retry records nothing more. The server computes what is taken back (the line's due after its share
// of the receipt discount) and answers the correction; the sale itself is never edited. Online only:
// a void is the server's record, like the day close.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney, formatQuantity } from './money.js';
import { NetworkError } from './api.js';
import { uuid } from './ids.js';

class VoidDialog extends TerminalElement {
  static properties = {
    sales: { state: true }, sale: { state: true }, chosen: { state: true }, message: { state: true },
    busy: { state: true }, done: { state: true },
  };

  open() {
    this.sales = null;
    this.sale = null;
    this.done = null;
    this.message = null;
    this.updateComplete.then(() => this.querySelector('dialog').showModal());
    this.load();
  }

  why(e) {
    return e instanceof NetworkError ? this.terminal.t('void.offline') : e.message;
  }

  async load() {
    this.busy = true;
    try {
      const { body } = await this.terminal.api.call('GET', '/api/terminal/sales');
      this.sales = body.sales;
    } catch (e) {
      this.message = this.why(e);
    } finally {
      this.busy = false;
    }
  }

  choose(sale) {
    this.sale = sale;
    this.chosen = new Set();
    this.done = null;
    this.message = null;
    this.correctionId = uuid();
  }

  toggle(line, on) {
    const next = new Set(this.chosen);
    if (on) next.add(line.id);
    else next.delete(line.id);
    this.chosen = next;
    this.correctionId = uuid(); // another choice is another correction
  }

  /** What the void will take back: the ticked lines, or what is left of the whole sale. */
  amount() {
    const s = this.sale;
    if (this.chosen.size === 0) return s.total - s.corrected;
    return s.lines.filter((l) => this.chosen.has(l.id)).reduce((sum, l) => sum + l.amount, 0);
  }

  async submit(event) {
    event.preventDefault();
    const t = this.terminal;
    const reason = this.querySelector('#void-reason').value.trim();
    if (!reason) {
      this.message = t.t('void.reasonRequired');
      return;
    }
    this.busy = true;
    this.message = null;
    try {
      const lineIds = [...this.chosen];
      const { body } = await t.api.call('POST', `/api/terminal/sales/${this.sale.id}/void`,
        { correctionId: this.correctionId, reason, ...(lineIds.length ? { lineIds } : {}) });
      this.done = t.t('void.done', { amount: formatMoney(body.amount, t.lang), name: this.sale.name });
      this.sale = null;
      await this.load();
    } catch (e) {
      this.message = this.why(e);
    } finally {
      this.busy = false;
    }
  }

  renderList() {
    const t = this.terminal;
    const when = (ms) => new Date(ms).toLocaleString(t.lang === 'pl' ? 'pl-PL' : 'en-GB',
      { dateStyle: 'short', timeStyle: 'short' });
    if (this.sales === null) return html`<p class="muted">${t.t('busy')}</p>`;
    if (this.sales.length === 0) return html`<p class="muted">${t.t('void.none')}</p>`;
    return html`<ul class="choices void-sales">${this.sales.map((s) => html`<li><button type="button"
      data-sale=${s.id} ?disabled=${s.voided} @click=${() => this.choose(s)}>
      <span>${s.name} · ${when(s.closedAt)}</span>
      <span class="amount">${formatMoney(s.total, t.lang)}${s.voided ? html` · ${t.t('void.voided')}`
        : s.corrected > 0 ? html` · ${t.t('void.corrected', { amount: formatMoney(s.corrected, t.lang) })}`
          : ''}</span></button></li>`)}</ul>`;
  }

  renderSale() {
    const t = this.terminal;
    const s = this.sale;
    const money = (g) => formatMoney(g, t.lang);
    return html`<form @submit=${this.submit} novalidate data-void-sale=${s.id}>
      <h3>${s.name} · ${money(s.total)}</h3>
      <p class="muted">${t.t('void.help')}</p>
      <div class="choices">${s.lines.map((l) => html`<label>
        <input type="checkbox" data-line=${l.id} ?disabled=${l.voided} .checked=${this.chosen.has(l.id)}
          @change=${(e) => this.toggle(l, e.target.checked)}>
        <span>${formatQuantity(l.quantity, t.lang)} × ${l.name}</span>
        <span class="amount">${l.voided ? t.t('void.voided') : money(l.amount)}</span></label>`)}</div>
      <label for="void-reason">${t.t('void.reason')}</label>
      <input id="void-reason" maxlength="80" autocomplete="off" required>
      <p class="void-amount" data-void-amount>${t.t(this.chosen.size ? 'void.takeLines' : 'void.takeWhole',
        { amount: money(this.amount()) })}</p>
      <div class="buttons">
        <button type="button" @click=${() => { this.sale = null; this.message = null; }}>${t.t('void.back')}</button>
        <button class="danger" data-action="void" ?disabled=${this.busy}>${t.t(this.chosen.size
          ? 'void.submitLines' : 'void.submitWhole')}</button>
      </div>
    </form>`;
  }

  render() {
    const t = this.terminal;
    if (!t) return '';
    return html`<dialog class="void-dialog" aria-labelledby="void-title">
      <h2 id="void-title">${t.t('void.title')}</h2>
      ${this.done ? html`<p class="hint" role="status" data-void-done>${this.done}</p>` : ''}
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : ''}
      ${this.sale ? this.renderSale() : this.renderList()}
      <div class="buttons"><button type="button"
        @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.close')}</button></div>
    </dialog>`;
  }
}
customElements.define('void-dialog', VoidDialog);
