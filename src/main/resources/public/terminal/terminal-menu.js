// The menu: configuration sync (with a hint when a newer revision exists or the back office asked
// for a sync), day close (a warning first when receipts are still open, then the server's report,
// printable on an 80 mm roll), voids after payment (VOID_SALES: void-dialog.js), language, connection
// state and unsent changes, logout.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { LANGUAGES, LANGUAGE_NAMES } from './i18n.js';
import { ApiError, NetworkError } from './api.js';
import { outcome } from './outbox.js';
import { methodRows, openReceipts, vatRows } from './day-close.js';

class TerminalMenu extends TerminalElement {
  static properties = { message: { state: true }, busy: { state: true }, report: { state: true } };

  open() {
    this.message = null;
    this.report = null;
    this.querySelector('dialog').showModal();
    // The periodic heartbeat may be 30 s away: a back-office save from a minute ago shows now.
    this.terminal.heartbeat();
  }

  async run(action) {
    this.busy = true;
    this.message = null;
    this.report = null;
    try {
      this.message = await action();
    } catch (e) {
      this.message = this.why(e);
    } finally {
      this.busy = false;
    }
  }

  why(e) {
    return e instanceof NetworkError ? this.terminal.t('error.network') : e.message;
  }

  /** The void screen (VOID_SALES): a dialog of its own, beside the menu. */
  voids() {
    this.querySelector('dialog').close();
    this.closest('sale-screen').querySelector('void-dialog').open();
  }

  async dayClose() {
    const t = this.terminal;
    // The server totals the day from the sales it holds: offline there is nothing to close yet.
    if (t.connection !== 'online') return t.t('menu.dayCloseOffline');
    if (!window.confirm(this.dayCloseQuestion())) return null;
    const { answered } = await t.dayClose();
    const ack = await answered;
    if (outcome(ack) === 'refused') return ack.message;
    this.report = ack.result?.report ? { ...ack.result.report, at: ack.result.at } : null;
    const done = t.t('menu.dayCloseDone',
      { sales: ack.result?.sales ?? 0, total: formatMoney(ack.result?.total ?? 0, t.lang) });
    // Day close is one of the moments the device takes the newer configuration (DESIGN rule 5).
    try {
      await t.syncConfig();
    } catch (e) {
      if (!(e instanceof NetworkError) && !(e instanceof ApiError)) throw e;
      return `${done} ${t.t('menu.syncFailed', { message: this.why(e) })}`;
    }
    return done;
  }

  /** The question before a day close: with the receipts still open (count, total, names) first. */
  dayCloseQuestion() {
    const t = this.terminal;
    const open = openReceipts(t.receipts);
    if (open.count === 0) return t.t('menu.dayCloseConfirm');
    return t.t('menu.dayCloseOpen', { count: open.count, total: formatMoney(open.total, t.lang),
      names: open.names.join(', ') }) + '\n' + t.t('menu.dayCloseOpenConfirm');
  }

  /** The report of the day just closed, as the server computed it. */
  renderReport(r) {
    const t = this.terminal;
    const money = (g) => formatMoney(g, t.lang);
    const when = r.at ? new Date(r.at).toLocaleString(t.lang === 'pl' ? 'pl-PL' : 'en-GB') : '';
    return html`<section class="day-report" data-day-report aria-labelledby="day-report-title">
      <h3 id="day-report-title">${t.t('report.title')}</h3>
      <p>${t.config?.shopName ?? ''}</p>
      <p class="muted">${t.t('report.when', { time: when })}</p>
      <table>
        <tr><td>${t.t('report.receipts')}</td><td class="amount"
          data-report="sales">${r.sales}</td></tr>
        <tr><th>${t.t('report.total')}</th><th class="amount"
          data-report="total">${money(r.total)}</th></tr>
        <tr><td>${t.t('report.discounts')}</td><td class="amount"
          data-report="discounts">${money(r.discounts ?? 0)}</td></tr>
        ${r.corrections ? html`<tr><td>${t.t('report.corrections')}</td><td class="amount"
          data-report="corrections">${money(-r.corrections)}</td></tr>` : ''}
      </table>
      ${r.sales === 0 ? html`<p>${t.t('report.noSales')}</p>` : html`
      <table data-report="methods"><caption>${t.t('report.methods')}</caption>
        ${methodRows(r).map((m) => html`<tr><td>${t.t('pay.' + m.method.toLowerCase())}</td>
          <td class="amount">${money(m.amount)}</td></tr>`)}
      </table>
      <table data-report="vat"><caption>${t.t('report.vat')}</caption>
        <tr><th></th><th class="amount">${t.t('report.gross')}</th><th
          class="amount">${t.t('report.net')}</th>
          <th class="amount">${t.t('report.tax')}</th></tr>
        ${vatRows(r, t.t('receipt.vatExempt')).map((v) => html`<tr><td>${v.label}</td>
          <td class="amount">${money(v.gross)}</td><td class="amount">${money(v.net)}</td>
          <td class="amount">${money(v.tax)}</td></tr>`)}
      </table>
      ${(r.correctionsVat ?? []).length ? html`<table data-report="corrections-vat">
        <caption>${t.t('report.correctionsVat')}</caption>
        <tr><th></th><th class="amount">${t.t('report.gross')}</th><th
          class="amount">${t.t('report.net')}</th>
          <th class="amount">${t.t('report.tax')}</th></tr>
        ${vatRows(r, t.t('receipt.vatExempt'), 'correctionsVat').map((v) => html`<tr><td>${v.label}</td>
          <td class="amount">${money(-v.gross)}</td><td class="amount">${money(-v.net)}</td>
          <td class="amount">${money(-v.tax)}</td></tr>`)}
      </table>` : ''}
      <table data-report="cashiers"><caption>${t.t('report.cashiers')}</caption>
        ${(r.cashiers ?? []).map((c) => html`<tr><td>${c.name}</td><td
          class="amount">${c.sales}</td>
          <td class="amount">${money(c.total)}</td></tr>`)}
      </table>`}
      <div class="report-actions no-print"><button type="button" data-action="print-report"
        @click=${() => window.print()}>${t.t('report.print')}</button></div>
    </section>`;
  }

  render() {
    const t = this.terminal;
    const conn = t.connection;
    return html`<dialog class="menu" aria-labelledby="menu-title">
      <h2 id="menu-title">${t.t('menu.title')}</h2>
      <p role="status"><span class="conn ${conn}"
        data-connection=${conn}>${t.t(conn === 'online' ? 'menu.online' : conn === 'offline'
          ? 'menu.offline' : 'menu.connecting')}</span>
        — <span data-unsent-text>${t.t('menu.unsent', { count: t.unsent })}</span></p>
      <p class="muted">${t.t('menu.user',
        { name: t.session?.user?.name ?? '' })} · ${t.t('menu.synced',
        { revision: t.config?.revision ?? '—' })}</p>
      ${t.syncRequested ? html`<p class="hint"
        data-sync-hint="requested">${t.t('menu.syncRequested')}</p>` : ''}
      ${t.behind ? html`<p class="hint"
        data-sync-hint="behind">${t.t('menu.syncHint', { revision: t.latestRevision })}</p>` : ''}
      ${this.message ? html`<p class="hint" role="alert">${this.message}</p>` : ''}
      ${this.report ? this.renderReport(this.report) : ''}
      <ul>
        <li><button data-action="sync" ?disabled=${this.busy}
          @click=${() => this.run(async () => { await t.syncConfig(); return t.t('menu.synced',
            { revision: t.config.revision }); })}>${t.t('menu.sync')}</button></li>
        <li><button data-action="day-close" ?disabled=${this.busy}
          @click=${() => this.run(() => this.dayClose())}>${t.t('menu.dayClose')}</button></li>
        ${t.can('VOID_SALES') ? html`<li><button data-action="voids" ?disabled=${this.busy}
          @click=${() => this.voids()}>${t.t('menu.voids')}</button></li>` : ''}
        <li class="languages" role="group"
          aria-label=${t.t('menu.language')}>${t.t('menu.language')}:
          ${LANGUAGES.map((l) => html`<button lang=${l} aria-pressed=${t.lang === l}
            @click=${() => t.setLanguage(l)}>${LANGUAGE_NAMES[l]}</button>`)}</li>
        <li><button data-action="logout" ?disabled=${this.busy}
          @click=${() => this.run(async () => { await t.logout(); return null; })}
          >${t.t('logout')}</button></li>
      </ul>
      <div class="buttons"><button
        @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.close')}</button></div>
    </dialog>`;
  }
}
customElements.define('terminal-menu', TerminalMenu);
