// The terminal's brain: pairing, the cashier session, the applied configuration, the local receipts
// (state.js), the outbox (outbox.js), the stream (stream.js) and IndexedDB (store.js). Components read
// its fields and call its methods; it fires 'change' whenever something they show changed.
//
// Order of a cashier's action (dispatch): 1. enqueue in the outbox; 2. persist outbox + receipts in
// one IndexedDB transaction; 3. show the preview; 4. send (flush) when online. A reload after 2 loses
// nothing; a resend after a lost answer is answered from the server's log.
import { Api, ApiError, NetworkError } from './api.js';
import { Stream, CLOSE } from './stream.js';
import { emptyState, applyFrame, keepSpaces, preview, receiptList, leaseActive, named } from './state.js';
import { createOutbox, settle, unconfirmed, unsentCount, renumber } from './outbox.js';
import { translate } from './i18n.js';
import { Sending } from './sending.js';
import { CashierActions } from './actions.js';
import { ConfigSync } from './config-sync.js';

const HEARTBEAT_MS = 30_000;

export class Terminal extends EventTarget {
  constructor(store, { base = '', wsBase = null } = {}) {
    super();
    this.store = store;
    this.lang = 'pl';
    this.api = new Api({ base, lang: () => this.lang });
    this.wsBase = wsBase ?? (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
    this.device = null;
    this.session = null;
    this.config = null;
    /** The account's current revision and whether the back office asked this device to sync (config-sync.js). */
    this.latestRevision = null;
    this.syncRequested = false;
    this.state = emptyState();
    this.outbox = createOutbox();
    this.notices = [];
    this.currentId = null;
    /** {id, createdAt}: the ad-hoc receipt shown but not yet created on the server (actions.js openAdHoc). */
    this.draft = null;
    /** The id of the line this cashier added last, until the receipt panel has scrolled it into view. */
    this.reveal = null;
    this.connection = 'offline';
    this.error = null;
    this.waiters = new Map();
    /** Outbox entries known to be stored in IndexedDB: only these are sent (outbox.js nextBatch). */
    this.saved = new WeakSet();
    /** Why the last write to IndexedDB failed, while it fails. */
    this.storageError = null;
    this.flushing = null;
    this.cached = null;
    this.stream = new Stream({
      url: () => this.wsBase + '/api/terminal/stream',
      hello: () => ({
        type: 'hello', deviceToken: this.device?.token, sessionToken: this.session?.token,
        viewer: this.state.viewer ?? null, cursors: this.state.cursors,
      }),
      onFrame: (frame) => this.onFrame(frame),
      onState: (s) => this.setConnection(s),
      onRefused: (frame) => this.onStreamRefused(frame),
    });
    addEventListener('online', () => this.reconnect());
  }

  t(key, args) {
    return translate(this.lang, key, args);
  }

  changed() {
    this.cached = null;
    this.dispatchEvent(new Event('change'));
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async load() {
    const [device, session, config, receipts, outbox, notices, ui, lang] = await Promise.all(
      ['device', 'session', 'config', 'receipts', 'outbox', 'notices', 'ui', 'lang'].map((k) => this.store.get(k)));
    this.lang = lang ?? (navigator.language?.startsWith('en') ? 'en' : 'pl');
    this.device = device;
    this.session = session;
    this.config = config;
    this.state = receipts ?? emptyState();
    this.outbox = createOutbox(outbox ?? undefined);
    this.markSaved(this.outbox);
    this.notices = notices ?? [];
    this.currentId = ui?.currentId ?? null;
    // Receipts kept from an earlier visit are enough to work on at once; else the first snapshot is awaited.
    this.ready = Object.keys(this.state.cursors).length > 0;
    this.api.deviceToken = device?.token ?? null;
    this.api.sessionToken = session?.token ?? null;
    if (this.session) this.startSelling();
    this.changed();
  }

  get phase() {
    if (!this.device) return 'pair';
    if (!this.session) return 'login';
    return 'sale';
  }

  async setLanguage(lang) {
    this.lang = lang;
    this.cached = null; // default receipt names are rendered in it
    document.documentElement.lang = lang;
    await this.store.put('lang', lang);
    this.changed();
  }

  async pair(code) {
    const { body } = await this.api.pair(code.trim());
    this.device = { token: body.token, ...body.device };
    this.api.deviceToken = body.token;
    // The server says where the device's numbering stands (a device paired again keeps its log). What
    // was not sent before a cut-off is kept and goes out after the next login, under these numbers.
    const outbox = renumber(createOutbox({ pending: this.outbox.pending, aliases: this.outbox.aliases }), body.nextCommand).outbox;
    this.outbox = outbox;
    await this.store.putAll({ device: this.device, outbox, session: null, receipts: null, config: null });
    this.markSaved(outbox);
    this.state = emptyState();
    await this.syncConfig();
    this.changed();
  }

  async login(identifier, pin) {
    try {
      await this.syncConfig();
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
    }
    const { body } = await this.api.login(identifier, pin);
    this.session = { token: body.sessionToken, user: body.user, revision: body.revision, loginMode: body.loginMode };
    this.api.sessionToken = body.sessionToken;
    this.alignNumbers(body.nextCommand);
    const outbox = this.outbox;
    await this.store.putAll({ session: this.session, outbox });
    this.markSaved(outbox);
    this.startSelling();
    this.changed();
  }

  /** Logs out once everything is sent; with unsent changes it refuses (they belong to this cashier). */
  async logout() {
    await this.flush();
    if (unsentCount(this.outbox) > 0) throw new Error(this.t('menu.unsent', { count: unsentCount(this.outbox) }));
    // The server closes this session's stream (SESSION_ENDED) before it answers the logout: stopped
    // first, that close is not taken for a session that ended by itself.
    this.stopSelling();
    try {
      await this.api.logout();
    } catch (e) {
      if (!(e instanceof NetworkError) && !(e instanceof ApiError)) {
        this.startSelling();
        throw e;
      }
    }
    this.session = null;
    this.api.sessionToken = null;
    this.currentId = null;
    this.draft = null;
    this.state = emptyState();
    await this.store.putAll({ session: null, receipts: this.state, ui: null });
    this.changed();
  }

  async unpair() {
    this.stopSelling();
    await this.store.clear();
    Object.assign(this, { device: null, session: null, config: null, state: emptyState(), outbox: createOutbox(), notices: [] });
    this.api.deviceToken = null;
    this.api.sessionToken = null;
    this.changed();
  }

  startSelling() {
    if (this.suspended) return;
    this.stream.start();
    this.flush();
    clearInterval(this.beat);
    this.beat = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    // A colleague's payment lease ends by itself (the server never sweeps it): look again now and then.
    clearInterval(this.tick);
    this.tick = setInterval(() => {
      if (Object.values(this.receipts).some((r) => r.state === 'PAYING')) this.changed();
    }, 5000);
    this.ensureCurrent();
  }

  stopSelling() {
    clearInterval(this.beat);
    clearInterval(this.tick);
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stream.stop();
    this.setConnection('offline');
  }

  /**
   * Another tab of this browser took over (tab-guard.js): this one stops working the terminal (no
   * stream, no sending, no writes) and resolves once its writes already under way are stored, so the
   * other tab reads them.
   */
  async suspend() {
    this.suspended = true;
    this.stopSelling();
    clearTimeout(this.persistTimer);
    this.persistTimer = null;
    this.changed();
    // IndexedDB runs this read after every write this tab started before it.
    await this.store.get('outbox');
  }

  reconnect() {
    if (this.phase !== 'sale' || this.suspended) return;
    this.stream.restart();
    this.flush();
  }

  setConnection(state) {
    if (this.connection === state) return;
    this.connection = state;
    if (state === 'online') {
      this.flush();
      this.heartbeat(); // back after a while: a revision saved meanwhile shows at once, not at the next beat
    }
    if (state === 'offline') {
      this.ready = true;
      this.ensureCurrent();
    }
    this.changed();
  }

  // ---- the stream ------------------------------------------------------------------------------

  onFrame(frame) {
    if (frame.type === 'heartbeat') {
      if (Number.isFinite(frame.time)) {
        this.api.serverOffset = frame.time - Date.now();
        this.api.clockFromStream = true;
      }
      return;
    }
    if (frame.type === 'welcome') {
      // A space the server resumes with a snapshot (a new view, or a cursor too far behind): until that
      // snapshot is here the old cursor is no position in it, and a reconnect before must ask again.
      const kept = keepSpaces(this.state, frame.spaces ?? []);
      const cursors = { ...kept.cursors };
      for (const [space, how] of Object.entries(frame.resume ?? {})) if (how === 'snapshot') delete cursors[space];
      this.state = { ...kept, cursors, viewer: frame.viewer };
    } else {
      const next = applyFrame(this.state, frame);
      if (next === this.state) return;
      this.state = next;
    }
    this.cached = null;
    this.outbox = settle(this.outbox, this.state.cursors);
    this.persistSoon();
    if (frame.type === 'snapshot') this.ready = true;
    // The current receipt was paid, merged or hidden: work on another (one always exists, rule 1).
    if (this.ready && !this.current) this.ensureCurrent();
    this.changed();
  }

  /** The stream refused this terminal: a revoked device, or an ended session; the heartbeat tells which. */
  async onStreamRefused(event) {
    if (event?.code === CLOSE.SESSION_ENDED) {
      this.endSession();
      return;
    }
    try {
      await this.api.heartbeat();
      this.endSession();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.cutOff();
    }
  }

  endSession() {
    this.stopSelling();
    this.session = null;
    this.api.sessionToken = null;
    this.error = this.t('error.session');
    // The receipts were filtered for the cashier who is gone: the next one gets a snapshot of their own
    // (what was not sent stays in the outbox, see pair()).
    this.state = emptyState();
    this.currentId = null;
    this.draft = null;
    this.store.putAll({ session: null, receipts: null, ui: null }).catch((e) => console.error('IndexedDB write failed', e));
    this.changed();
  }

  cutOff() {
    this.stopSelling();
    this.device = null;
    this.session = null;
    this.error = this.t('error.unpaired');
    this.store.putAll({ device: null, session: null });
    this.changed();
  }

  persistSoon() {
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.persist();
    }, 200);
  }

  /**
   * Writes receipts, outbox, notices and the current receipt in one transaction. Resolves true once
   * stored (the outbox's entries become sendable), false when the write failed: then the top of the
   * screen says so until a write succeeds again.
   */
  async persist() {
    if (this.suspended) return false; // the working tab owns the stored state now
    const outbox = this.outbox;
    try {
      await this.store.putAll({ receipts: this.state, outbox, notices: this.notices, ui: { currentId: this.currentId } });
    } catch (e) {
      console.error('IndexedDB write failed', e);
      this.storageError = e?.message ?? String(e);
      this.error = this.t('error.storage');
      this.changed();
      return false;
    }
    this.markSaved(outbox);
    if (this.storageError) {
      this.storageError = null;
      if (this.error === this.t('error.storage')) this.error = null;
      this.changed();
    }
    return true;
  }

  markSaved(outbox) {
    for (const entry of outbox.pending) this.saved.add(entry);
  }

  // ---- what the screens show -------------------------------------------------------------------

  get me() {
    return this.session ? { userId: this.session.user.id, roleId: this.session.user.roleId, userName: this.session.user.name } : null;
  }

  /**
   * Whether the logged-in user has {@code permission}, by the configuration this device applied: the
   * server enforces that one (DESIGN rule 5), and a sync after login may have changed the user's role
   * or its permissions. The login's answer counts only while the configuration does not name the user.
   */
  can(permission) {
    const user = this.session?.user;
    if (!user) return false;
    const roleId = this.config?.users?.find((u) => u.id === user.id)?.roleId ?? user.roleId;
    const role = this.config?.roles?.find((r) => r.id === roleId);
    return (role?.permissions ?? user.permissions ?? []).includes(permission);
  }

  get products() {
    return new Map((this.config?.products ?? []).map((p) => [p.id, p]));
  }

  /**
   * The receipts with this device's unconfirmed commands applied and the draft, named in this
   * terminal's language (state.js named); recomputed after each change.
   */
  get receipts() {
    if (!this.cached) {
      const out = {};
      const ctx = { me: this.me, deviceId: this.device?.id, products: this.products, aliases: this.outbox.aliases };
      const previewed = preview(this.state, unconfirmed(this.outbox), ctx, out);
      this.previewAliases = out.aliases;
      this.cached = named(previewed, { ...ctx, draft: this.draft, slots: this.slots, lang: this.lang });
    }
    return this.cached;
  }

  /** The tables of the applied configuration (none with parking off). */
  get slots() {
    return this.config?.parkingEnabled ? this.config.slots ?? [] : [];
  }

  get list() {
    return receiptList(this.receipts, this.slots, this.me, this.serverNow());
  }

  get unsent() {
    return unsentCount(this.outbox);
  }

  get current() {
    const r = this.receipts;
    return r[this.currentId] ?? r[this.outbox.aliases[this.currentId]] ?? r[this.previewAliases[this.currentId]] ?? null;
  }

  /** Whether this device may change {@code receipt}: not while a colleague's terminal is paying it. */
  editable(receipt) {
    if (!receipt || receipt.occupied) return false;
    return !this.lockedBy(receipt);
  }

  /** The running lease of another terminal on {@code receipt}, or null (none, or it ran out: free). */
  lockedBy(receipt) {
    return leaseActive(receipt, this.serverNow()) && receipt.lease.deviceId !== this.device?.id ? receipt.lease : null;
  }

  /** Whether this terminal's own lease on {@code receipt} is running (a payment in progress here). */
  payingHere(receipt) {
    return leaseActive(receipt, this.serverNow()) && receipt.lease.deviceId === this.device?.id;
  }

  /** Now by the server's clock (leases are the server's). */
  serverNow() {
    return Date.now() + this.api.serverOffset;
  }

  select(id) {
    this.currentId = id;
    this.persist();
    this.changed();
  }

  /** Chooses a receipt to work on when there is none: my latest ad-hoc one here, else a new one. */
  ensureCurrent() {
    if (this.phase !== 'sale' || this.current) return;
    // An unanswered command about the current receipt (a delete, a payment) decides its fate first.
    if (this.currentId && unconfirmed(this.outbox).some((e) => e.command.receiptId === this.currentId || e.alias === this.currentId)) return;
    const mine = Object.values(this.receipts)
      .filter((r) => r.kind === 'AD_HOC' && r.ownerUserId === this.me.userId && !r.occupied)
      .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
    if (mine.length) this.select(mine[0].id);
    // Online, the first snapshot says whether one exists already; offline, what was stored must do.
    else if (Object.keys(this.state.cursors).length > 0 || this.connection === 'offline') this.openAdHoc();
  }
}

/**
 * Terminal's methods also come from sending.js (the outbox on the wire), actions.js (the cashier's
 * actions) and config-sync.js (the applied configuration and the sync hints).
 */
for (const part of [Sending, CashierActions, ConfigSync]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== 'constructor') Object.defineProperty(Terminal.prototype, name, Object.getOwnPropertyDescriptor(part.prototype, name));
  }
}
