// The menu: configuration sync (with a hint when a newer revision exists or the back office asked for
// a sync), day close, language, connection state and unsent changes, logout.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { formatMoney } from './money.js';
import { LANGUAGES } from './i18n.js';

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
      this.message = e.message;
    } finally {
      this.busy = false;
    }
  }

  async dayClose() {
    const t = this.terminal;
    if (!window.confirm(t.t('menu.dayCloseConfirm'))) return null;
    const { answered } = await t.dayClose();
    const ack = await answered;
    if (ack.status === 'refused') return ack.message;
    await t.syncConfig().catch(() => null); // configuration sync comes with the day close (rule 5)
    return t.t('menu.dayCloseDone', { sales: ack.result?.sales ?? 0, total: formatMoney(ack.result?.total ?? 0, t.lang) });
  }

  render() {
    const t = this.terminal;
    const conn = t.connection;
    return html`<dialog class="menu" aria-labelledby="menu-title">
      <h2 id="menu-title">${t.t('menu.title')}</h2>
      <p role="status"><span class="conn ${conn}">${t.t(conn === 'online' ? 'menu.online' : conn === 'offline' ? 'menu.offline' : 'menu.connecting')}</span>
        — <span data-unsent-text>${t.t('menu.unsent', { count: t.unsent })}</span></p>
      <p class="muted">${t.t('menu.user', { name: t.session?.user?.name ?? '' })} · ${t.t('menu.synced', { revision: t.config?.revision ?? '—' })}</p>
      ${t.syncRequested ? html`<p class="hint" data-sync-hint="requested">${t.t('menu.syncRequested')}</p>` : ''}
      ${t.behind ? html`<p class="hint" data-sync-hint="behind">${t.t('menu.syncHint', { revision: t.latestRevision })}</p>` : ''}
      ${this.message ? html`<p class="hint" role="alert">${this.message}</p>` : ''}
      <ul>
        <li><button data-action="sync" ?disabled=${this.busy} @click=${() => this.run(async () => { await t.syncConfig(); return t.t('menu.synced', { revision: t.config.revision }); })}>${t.t('menu.sync')}</button></li>
        <li><button data-action="day-close" ?disabled=${this.busy} @click=${() => this.run(() => this.dayClose())}>${t.t('menu.dayClose')}</button></li>
        <li role="group" aria-label=${t.t('menu.language')}>${t.t('menu.language')}:
          ${LANGUAGES.map((l) => html` <button lang=${l} aria-pressed=${t.lang === l} @click=${() => t.setLanguage(l)}>${l.toUpperCase()}</button>`)}</li>
        <li><button data-action="logout" ?disabled=${this.busy} @click=${() => this.run(async () => { await t.logout(); return null; })}>${t.t('logout')}</button></li>
      </ul>
      <div class="buttons"><button @click=${() => this.querySelector('dialog').close()}>${t.t('receipt.close')}</button></div>
    </dialog>`;
  }
}
customElements.define('terminal-menu', TerminalMenu);
