// The menu: configuration sync (with a hint when a newer revision exists or the back office asked
// for a sync), day close, language, connection state and unsent changes, logout.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { LANGUAGES, LANGUAGE_NAMES } from './i18n.js';
import { ApiError, NetworkError } from './api.js';
import { outcome } from './outbox.js';

class TerminalMenu extends TerminalElement {
  static properties = { message: { state: true }, busy: { state: true } };

  open() {
    this.message = null;
    this.querySelector('dialog').showModal();
    // The periodic heartbeat may be 30 s away: a back-office save from a minute ago shows now.
    this.terminal.heartbeat();
  }

  async run(action) {
    this.busy = true;
    this.message = null;
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

  async dayClose() {
    const t = this.terminal;
    // The server totals the day from the sales it holds: offline there is nothing to close yet.
    if (t.connection !== 'online') return t.t('menu.dayCloseOffline');
    if (!window.confirm(t.t('menu.dayCloseConfirm'))) return null;
    const { answered } = await t.dayClose();
    const ack = await answered;
    if (outcome(ack) === 'refused') return ack.message;
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
      <ul>
        <li><button data-action="sync" ?disabled=${this.busy}
          @click=${() => this.run(async () => { await t.syncConfig(); return t.t('menu.synced',
            { revision: t.config.revision }); })}>${t.t('menu.sync')}</button></li>
        <li><button data-action="day-close" ?disabled=${this.busy}
          @click=${() => this.run(() => this.dayClose())}>${t.t('menu.dayClose')}</button></li>
        <li class="languages" role="group"
          aria-label=${t.t('menu.language')}>${t.t('menu.language')}:
          ${LANGUAGES.map((l) => html`<button lang=${l} aria-pressed=${t.lang === l}
            @click=${() => t.setLanguage(l)}>${LANGUAGE_NAMES[l]}</button>`)}</li>
        <li><button data-action="logout" ?disabled=${this.busy}
          @click=${() => this.run(async () => { await t.logout(); return null; })}>${t.t('logout')}</button></li>
      </ul>
      <div class="buttons"><button @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.close')}</button></div>
    </dialog>`;
  }
}
customElements.define('terminal-menu', TerminalMenu);
