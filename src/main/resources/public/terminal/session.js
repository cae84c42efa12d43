// Who works the terminal: the paired device and the logged-in cashier, with pairing, login, logout,
// the ends the server decides (a session ended, a device revoked) and the user's permissions. Owns
// the device and the login; what they change in the other parts (the outbox's numbering, the
// receipts a cashier may see, the configuration synced at login) it asks of those parts.
import { ApiError, NetworkError } from './api.js';
import { CLOSE } from './stream.js';

export class Session {
  /**
   * @param parts {api, store: () => store, queue: CommandQueue, sync: ConfigSync,
   *   view: ReceiptsView}
   * @param hooks {start, stop} the selling (stream, sending, timers); {report} the screen's error
   *   line; {changed}; {t} the terminal's language
   */
  constructor({ api, store, queue, sync, view }, { start, stop, report, changed, t }) {
    Object.assign(this, { api, store, queue, sync, view });
    Object.assign(this, { start, stop, report, changed, t });
    /** {token, id, name, model, ...}: the paired device, or null. */
    this.device = null;
    /** {token, user, revision, loginMode}: the logged-in cashier's session, or null. */
    this.login = null;
  }

  /** What an earlier visit stored. */
  restore(device, login) {
    this.device = device ?? null;
    this.login = login ?? null;
    this.api.deviceToken = device?.token ?? null;
    this.api.sessionToken = login?.token ?? null;
  }

  get phase() {
    if (!this.device) return 'pair';
    if (!this.login) return 'login';
    return 'sale';
  }

  get me() {
    const user = this.login?.user;
    return user ? { userId: user.id, roleId: user.roleId, userName: user.name } : null;
  }

  /**
   * Whether the logged-in user has {@code permission}, by the configuration this device applied:
   * the server enforces that one (DESIGN rule 5), and a sync after login may have changed the
   * user's role or its permissions. The login's answer counts only while the configuration does not
   * name the user.
   */
  can(permission) {
    const user = this.login?.user;
    if (!user) return false;
    const config = this.sync.config;
    const roleId = config?.users?.find((u) => u.id === user.id)?.roleId ?? user.roleId;
    const role = config?.roles?.find((r) => r.id === roleId);
    return (role?.permissions ?? user.permissions ?? []).includes(permission);
  }

  async pair(code) {
    const { body } = await this.api.pair(code.trim());
    this.device = { token: body.token, ...body.device };
    this.api.deviceToken = body.token;
    // The server says where the device's numbering stands (a device paired again keeps its log).
    this.queue.startAt(body.nextCommand);
    const outbox = this.queue.outbox;
    await this.store().putAll({ device: this.device, outbox, session: null, receipts: null,
      config: null });
    this.queue.markSaved(outbox);
    this.view.replace();
    await this.sync.syncConfig();
    this.changed();
  }

  async logIn(identifier, pin) {
    try {
      await this.sync.syncConfig();
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
    }
    const { body } = await this.api.login(identifier, pin);
    this.login = { token: body.sessionToken, user: body.user, revision: body.revision,
      loginMode: body.loginMode };
    this.api.sessionToken = body.sessionToken;
    this.queue.alignNumbers(body.nextCommand);
    const outbox = this.queue.outbox;
    await this.store().putAll({ session: this.login, outbox });
    this.queue.markSaved(outbox);
    this.start();
    this.changed();
  }

  /**
   * Logs out once everything is sent; with unsent changes it refuses (they belong to this cashier).
   */
  async logout() {
    await this.queue.flush();
    const unsent = this.queue.unsent;
    if (unsent > 0) throw new Error(this.t('menu.unsent', { count: unsent }));
    // The server closes this session's stream (SESSION_ENDED) before it answers the logout: stopped
    // first, that close is not taken for a session that ended by itself.
    this.stop();
    try {
      await this.api.logout();
    } catch (e) {
      if (!(e instanceof NetworkError) && !(e instanceof ApiError)) {
        this.start();
        throw e;
      }
    }
    this.login = null;
    this.api.sessionToken = null;
    this.view.reset();
    await this.store().putAll({ session: null, receipts: this.view.state, ui: null });
    this.changed();
  }

  async unpair() {
    this.stop();
    await this.store().clear();
    this.device = null;
    this.login = null;
    this.sync.config = null;
    this.view.replace();
    this.queue.restore(null, []);
    this.api.deviceToken = null;
    this.api.sessionToken = null;
    this.changed();
  }

  /** The stream refused this terminal: a revoked device or an ended session (a heartbeat tells). */
  async refused(event) {
    if (event?.code === CLOSE.SESSION_ENDED) {
      this.end();
      return;
    }
    // docs/protocol.md "Close codes": CUT_OFF says why in its reason, and the cashier is told so in plain
    // words (issue 15), not only that the session ended.
    if (event?.code === CLOSE.CUT_OFF && event.reason === 'user cut off') {
      this.end('error.userCutOff');
      return;
    }
    if (event?.code === CLOSE.CUT_OFF && event.reason === 'device revoked') {
      this.cutOff('error.deviceRevoked');
      return;
    }
    try {
      await this.api.heartbeat();
      this.end();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.cutOff();
    }
  }

  /**
   * The server ended the cashier's session (a logout elsewhere, a PIN changed, the user disabled).
   */
  end(why = 'error.session') {
    this.stop();
    this.login = null;
    this.api.sessionToken = null;
    this.report(this.t(why));
    // The receipts were filtered for the cashier who is gone: the next one gets a snapshot of their
    // own (what was not sent stays in the outbox, see pair()).
    this.view.reset();
    this.store().putAll({ session: null, receipts: null, ui: null })
      .catch((e) => console.error('IndexedDB write failed', e));
    this.changed();
  }

  /** The device was revoked: back to pairing. */
  cutOff(why = 'error.unpaired') {
    this.stop();
    this.device = null;
    this.login = null;
    this.report(this.t(why));
    this.store().putAll({ device: null, session: null });
    this.changed();
  }
}
