// Login by the account's login mode (from the applied configuration): identifier + PIN (with a PIN
// pad), identifier only, or none (one button). The users of the configuration are offered as
// buttons that fill the identifier.
import { html } from 'lit';
import { TerminalElement } from './terminal-element.js';
import { NetworkError } from './api.js';
import { LANGUAGES } from './i18n.js';
import './pin-pad.js';

class LoginScreen extends TerminalElement {
  static properties = { error: { state: true }, busy: { state: true }, pin: { state: true } };

  constructor() {
    super();
    this.pin = '';
  }

  get mode() {
    return this.terminal.config?.loginMode ?? 'PIN';
  }

  async submit(event) {
    event.preventDefault();
    const identifier = this.querySelector('#login-identifier')?.value ?? null;
    this.busy = true;
    this.error = null;
    try {
      await this.terminal.login(identifier, this.mode === 'PIN' ? this.pin : null);
    } catch (e) {
      this.error = e instanceof NetworkError ? this.terminal.t('error.network') : e.message;
      this.pin = '';
      const pad = this.querySelector('pin-pad');
      if (pad) pad.value = '';
    } finally {
      this.busy = false;
    }
  }

  pickUser(user) {
    this.querySelector('#login-identifier').value = user.identifier;
    this.querySelector(this.mode === 'PIN' ? '#login-pin' : 'button.primary')?.focus();
  }

  render() {
    const t = this.terminal;
    const tr = (k, a) => t.t(k, a);
    const users = t.config?.users ?? [];
    return html`<main class="card">
      <h1>${tr('login.title')}</h1>
      <p class="muted">${tr('login.device', { name: t.device?.name ?? '' })}</p>
      ${t.error ? html`<p class="error" role="alert">${t.error}</p>` : ''}
      <form @submit=${this.submit} novalidate>
        ${this.mode === 'NONE' ? '' : html`
          ${users.length ? html`<p class="visually-hidden" id="users-label">${tr('login.users')}</p>
            <div class="users" role="group" aria-labelledby="users-label">
              ${users.map((u) => html`<button type="button"
                @click=${() => this.pickUser(u)}>${u.name}</button>`)}
            </div>` : ''}
          <label for="login-identifier">${tr('login.identifier')}</label>
          <input id="login-identifier" name="identifier" autocomplete="username" required>`}
        ${this.mode === 'PIN' ? html`
          <label for="login-pin">${tr('login.pin')}</label>
          <input id="login-pin" type="password" inputmode="numeric" autocomplete="current-password"
            .value=${this.pin}
            @input=${(e) => { this.pin = e.target.value.replace(/\D/g, ''); }}>
          <pin-pad .t=${tr} .value=${this.pin}
            @pin=${(e) => { this.pin = e.detail; }}></pin-pad>` : ''}
        <div role="alert">${this.error ? html`<p class="error">${this.error}</p>` : ''}</div>
        <button class="primary"
          ?disabled=${this.busy}>${this.busy ? tr('busy')
            : tr(this.mode === 'NONE' ? 'login.none' : 'login.submit')}</button>
      </form>
      <p>${LANGUAGES.map((l) => html`<button lang=${l} aria-pressed=${t.lang === l}
        @click=${() => t.setLanguage(l)}>${l.toUpperCase()}</button> `)}</p>
    </main>`;
  }
}
customElements.define('login-screen', LoginScreen);
