// The terminal: a thin front over its parts, each with one job and its own state:
//   session.js        the paired device and the logged-in cashier (pairing, login, logout, rights)
//   command-queue.js  the outbox on the wire (numbering, sending, answers, retries), the notices
//   receipts-view.js  the receipts from the stream, the preview, the current receipt, the list
//   config-sync.js    the applied configuration and the sync hints
//   connection.js     the stream and the timers beside it
//   actions.js        the cashier's actions as commands
// It composes them, keeps the language, the screen's error line and IndexedDB writes, and exposes
// what the components read and call; it fires 'change' whenever something they show changed.
//
// Order of a cashier's action (dispatch): 1. enqueue in the outbox; 2. persist outbox + receipts in
// one IndexedDB transaction; 3. show the preview; 4. send (flush) when online. A reload after 2
// loses nothing; a resend after a lost answer is answered from the server's log.
import { Api } from './api.js';
import { translate } from './i18n.js';
import { Session } from './session.js';
import { CommandQueue } from './command-queue.js';
import { ReceiptsView } from './receipts-view.js';
import { ConfigSync } from './config-sync.js';
import { Connection } from './connection.js';
import { needsSnapshot } from './state.js';
import { CashierActions } from './actions.js';
import { FloorActions } from './floor-actions.js';
import { decidesFate } from './outbox.js';

export class Terminal extends EventTarget {
  constructor(store, { base = '', wsBase = null } = {}) {
    super();
    this.store = store;
    this.lang = 'pl';
    /** What the top of the screen says is wrong (session ended, storage failing, server error). */
    this.error = null;
    /** Why the last write to IndexedDB failed, while it fails. */
    this.storageError = null;
    /** Another tab works the terminal (tab-guard.js): this one neither writes, sends, streams. */
    this.suspended = false;
    this.api = new Api({ base, lang: () => this.lang });
    this.wsBase = wsBase ?? (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
    const changed = () => this.changed();
    const t = (key, args) => this.t(key, args);
    const stored = () => this.store;
    this.sync = new ConfigSync({ api: this.api, store: stored, changed,
      unauthorized: () => this.auth.cutOff() });
    this.queue = new CommandQueue({
      api: this.api, t, changed,
      persist: () => this.persist(),
      storageError: () => this.storageError,
      invalidate: () => this.view.invalidate(),
      cursors: () => this.view.state.cursors,
      canSend: () => !!this.session && !this.suspended,
      selling: () => this.phase === 'sale',
      unauthorized: () => this.auth.refused(),
      report: (message) => {
        this.error = message;
      },
      // The stream may have shown a paid or deleted current receipt before its answer came: go on.
      answered: () => {
        if (this.ready && !this.current) this.ensureCurrent();
      },
      resolved: (alias, real) => {
        if (this.view.currentId === alias) this.view.currentId = real;
      },
    });
    this.view = new ReceiptsView(() => ({
      me: this.me, deviceId: this.device?.id, config: this.config, outbox: this.queue.outbox,
      lang: this.lang, now: this.serverNow(),
    }));
    this.auth = new Session(
      { api: this.api, store: stored, queue: this.queue, sync: this.sync, view: this.view },
      { start: () => this.startSelling(), stop: () => this.stopSelling(), changed, t,
        report: (message) => {
          this.error = message;
        } });
    this.link = new Connection(this.api, {
      url: () => this.wsBase + '/api/terminal/stream',
      hello: () => ({
        type: 'hello', deviceToken: this.device?.token, sessionToken: this.session?.token,
        viewer: this.state.viewer ?? null, cursors: this.state.cursors,
      }),
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status) => this.onConnection(status),
      onRefused: (frame) => this.auth.refused(frame),
      heartbeat: () => this.heartbeat(),
      look: () => {
        if (this.view.anyPaying) this.changed();
      },
    });
    this.actions = new CashierActions({ view: this.view, queue: this.queue, session: this.auth },
      { select: (id) => this.select(id), ensureCurrent: () => this.ensureCurrent(), changed, t });
    this.floorActions = new FloorActions(
      { view: this.view, queue: this.queue, actions: this.actions },
      { ask: (question) => window.confirm(question), t });
    addEventListener('online', () => this.reconnect());
    addEventListener('offline', () => {
      if (this.phase === 'sale' && !this.suspended) this.link.lost();
    });
  }

  t(key, args) {
    return translate(this.lang, key, args);
  }

  changed() {
    this.view.invalidate();
    this.dispatchEvent(new Event('change'));
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async load() {
    const keys = ['device', 'session', 'config', 'receipts', 'outbox', 'notices', 'ui', 'lang'];
    const [device, session, config, receipts, outbox, notices, ui, lang] = await Promise.all(
      keys.map((k) => this.store.get(k)));
    this.lang = lang ?? (navigator.language?.startsWith('en') ? 'en' : 'pl');
    this.sync.config = config;
    this.view.replace(receipts ?? undefined);
    this.queue.restore(outbox, notices);
    this.view.currentId = ui?.currentId ?? null;
    // Receipts kept from an earlier visit are enough to work on at once; else the first snapshot
    // is awaited.
    this.view.ready = Object.keys(this.state.cursors).length > 0;
    this.auth.restore(device, session);
    if (this.session) this.startSelling();
    this.changed();
  }

  async setLanguage(lang) {
    this.lang = lang;
    this.view.invalidate(); // default receipt names are rendered in it
    document.documentElement.lang = lang;
    await this.store.put('lang', lang);
    this.changed();
  }

  pair(code) {
    return this.auth.pair(code);
  }

  login(identifier, pin) {
    return this.auth.logIn(identifier, pin);
  }

  logout() {
    return this.auth.logout();
  }

  unpair() {
    return this.auth.unpair();
  }

  syncConfig() {
    return this.sync.syncConfig();
  }

  heartbeat() {
    return this.sync.heartbeat();
  }

  startSelling() {
    if (this.suspended) return;
    this.link.start();
    this.queue.flush();
    this.ensureCurrent();
  }

  stopSelling() {
    this.queue.stop();
    this.link.stop();
  }

  /**
   * Another tab of this browser took over (tab-guard.js): this one stops working the terminal (no
   * stream, no sending, no writes) and resolves once its writes already under way are stored, so
   * the other tab reads them.
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
    this.link.restart();
    this.queue.flush();
  }

  onConnection(status) {
    if (status === 'online') {
      this.queue.flush();
      // Back after a while: a revision saved meanwhile shows at once, not at the next beat.
      this.heartbeat();
    }
    if (status === 'offline') {
      this.view.ready = true;
      this.ensureCurrent();
    }
    this.changed();
  }

  /** A frame of the stream (not a heartbeat): the receipts, then what the outbox may settle. */
  onFrame(frame) {
    const waiting = needsSnapshot(this.state, frame.space);
    if (!this.view.take(frame)) return;
    // A delta that did not fit the held receipt: a snapshot of its space replaces what is held, and
    // a hello without that space's cursor (dropped) asks for one.
    if (!waiting && needsSnapshot(this.state, frame.space)) {
      console.warn(`stream: a delta of ${frame.id} did not fit; asking for a snapshot of ${frame.space}`);
      this.link.restart();
    }
    this.queue.settle(this.state.cursors);
    this.persistSoon();
    // The current receipt was paid, merged or hidden: work on another (one always exists, rule 1).
    if (this.ready && !this.current) this.ensureCurrent();
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
    const outbox = this.queue.outbox;
    try {
      await this.store.putAll({ receipts: this.state, outbox, notices: this.notices,
        ui: { currentId: this.currentId } });
    } catch (e) {
      console.error('IndexedDB write failed', e);
      this.storageError = e?.message ?? String(e);
      this.error = this.t('error.storage');
      this.changed();
      return false;
    }
    this.queue.markSaved(outbox);
    if (this.storageError) {
      this.storageError = null;
      if (this.error === this.t('error.storage')) this.error = null;
      this.changed();
    }
    return true;
  }

  select(id) {
    this.view.currentId = id;
    this.persist();
    this.changed();
  }

  /** Chooses a receipt to work on when there is none: my oldest ad-hoc one here, else a new one. */
  ensureCurrent() {
    if (this.phase !== 'sale' || this.current) return;
    // An unanswered command about the current receipt (a delete, a payment) decides its fate first.
    const id = this.currentId;
    // A table move settles once the stream brought the table's receipt, a frame after the old one went.
    const aliases = this.queue.outbox.aliases;
    if (id && this.queue.unconfirmed.some((e) => decidesFate(e, id, aliases))) return;
    const mine = this.view.oldestOwn(this.me);
    if (mine) this.select(mine.id);
    // Online, the first snapshot says whether one exists already; offline, what was stored must do.
    else if (Object.keys(this.state.cursors).length > 0 || this.connection === 'offline') {
      this.openAdHoc();
    }
  }

  /** Now by the server's clock (leases are the server's). */
  serverNow() {
    return Date.now() + this.api.serverOffset;
  }

  // ---- what the components read ----------------------------------------------------------------

  get phase() { return this.auth.phase; }
  get device() { return this.auth.device; }
  get session() { return this.auth.login; }
  get me() { return this.auth.me; }
  can(permission) { return this.auth.can(permission); }

  get config() { return this.sync.config; }
  get latestRevision() { return this.sync.latestRevision; }
  get syncRequested() { return this.sync.syncRequested; }
  get behind() { return this.sync.behind; }

  get outbox() { return this.queue.outbox; }
  get notices() { return this.queue.notices; }
  get unsent() { return this.queue.unsent; }

  get connection() { return this.link.status; }
  get stream() { return this.link.stream; }

  get state() { return this.view.state; }
  get ready() { return this.view.ready; }
  get currentId() { return this.view.currentId; }
  get draft() { return this.view.draft; }
  get reveal() { return this.view.reveal; }
  set reveal(lineId) { this.view.reveal = lineId; }
  get receipts() { return this.view.receipts; }
  get products() { return this.view.products; }
  get slots() { return this.view.slots; }
  get list() { return this.view.list; }
  get current() { return this.view.current; }
  editable(receipt) { return this.view.editable(receipt); }
  lockedBy(receipt) { return this.view.lockedBy(receipt); }
  payingHere(receipt) { return this.view.payingHere(receipt); }

  // ---- what the components call (actions.js, command-queue.js)
  // -----------------------------------

  flush() { return this.queue.flush(); }
  notePaid(receipt, result) { return this.queue.notePaid(receipt, result); }
  dismissNotice(index) { return this.queue.dismissNotice(index); }

  dispatch(command, about, alias) { return this.actions.dispatch(command, about, alias); }
  openAdHoc() { return this.actions.openAdHoc(); }
  openTable(slot) { return this.actions.openTable(slot); }
  nextName() { return this.actions.nextName(); }
  addProduct(product, quantity, modifiers) {
    return this.actions.addProduct(product, quantity, modifiers);
  }
  setLineDiscount(receipt, line, discount) {
    return this.actions.setLineDiscount(receipt, line, discount);
  }
  setReceiptDiscount(receipt, discount) {
    return this.actions.setReceiptDiscount(receipt, discount);
  }
  addFree(name, unitPrice, vat, quantity) {
    return this.actions.addFree(name, unitPrice, vat, quantity);
  }
  adjust(receipt, line, delta) { return this.actions.adjust(receipt, line, delta); }
  removeLine(receipt, line) { return this.actions.removeLine(receipt, line); }
  mayLower(line) { return this.actions.mayLower(line); }
  mayDelete(receipt) { return this.actions.mayDelete(receipt); }
  sendToKitchen(receipt, upTo = null) { return this.actions.sendToKitchen(receipt, upTo); }
  setLineCourse(receipt, line, course) { return this.actions.setLineCourse(receipt, line, course); }
  setLineSeat(receipt, line, seat) { return this.actions.setLineSeat(receipt, line, seat); }
  changePrice(receipt, line, unitPrice) {
    return this.actions.changePrice(receipt, line, unitPrice);
  }
  breakLease(receipt) { return this.actions.breakLease(receipt); }
  noteLine(receipt, line, note) { return this.actions.noteLine(receipt, line, note); }
  noteReceipt(receipt, note) { return this.actions.noteReceipt(receipt, note); }
  setGuests(receipt, guests) { return this.actions.setGuests(receipt, guests); }
  rename(receipt, name) { return this.actions.rename(receipt, name); }
  remove(receipt) { return this.actions.remove(receipt); }
  get emptyAdHoc() { return this.actions.emptyAdHoc; }
  removeEmpty() { return this.actions.removeEmpty(); }
  moveLines(receipt, parts, to) { return this.actions.moveLines(receipt, parts, to); }
  merge(receipt, to) { return this.actions.merge(receipt, to); }
  reassign(receipt, userId) { return this.actions.reassign(receipt, userId); }
  moveTable(receipt, choice) { return this.floorActions.moveTable(receipt, choice); }
  startPayment(receipt) { return this.actions.startPayment(receipt); }
  cancelPayment(receipt) { return this.actions.cancelPayment(receipt); }
  pay(receipt, payments, tip) { return this.actions.pay(receipt, payments, tip); }
  payPart(receipt, split, payments, tip) { return this.actions.payPart(receipt, split, payments, tip); }
  payOffline(receipt, amount) { return this.actions.payOffline(receipt, amount); }
  dayClose() { return this.actions.dayClose(); }
}
