// What the screens show of the receipts: the server's receipts from the stream (state.js), the
// preview of this device's unconfirmed commands, the draft, the current receipt and the list. Owns
// that state; reads who is logged in, the applied configuration and the outbox through {@code
// context} (a function, so it always sees the other parts' latest), and never writes them.
import { emptyState, applyFrame, keepSpaces, preview, receiptList, leaseActive, named, tableReceipt,
  nextSaleNumber } from './state.js';
import { unconfirmed } from './outbox.js';

export class ReceiptsView {
  /**
   * @param context () => {me, deviceId, config, outbox, lang, now}: {@code now} is the server's
   *   clock (leases are the server's)
   */
  constructor(context) {
    this.context = context;
    this.state = emptyState();
    this.currentId = null;
    /** {id, createdAt}: the ad-hoc receipt shown but not yet created on the server (openAdHoc). */
    this.draft = null;
    /** The id of the line this cashier added last, until the receipt panel scrolled to it. */
    this.reveal = null;
    /** Whether what is held is enough to work on (a snapshot came, or the stream is down). */
    this.ready = false;
    this.cached = null;
    this.previewAliases = {};
  }

  /** Forgets the receipts and what was current (another cashier): the next one gets a snapshot. */
  reset() {
    this.currentId = null;
    this.draft = null;
    this.replace();
  }

  /** Holds {@code state} instead (stored by an earlier visit, or none: a new device). */
  replace(state = emptyState()) {
    this.state = state;
    this.invalidate();
  }

  /** The preview is recomputed at the next read (after a frame, a command, a language switch). */
  invalidate() {
    this.cached = null;
  }

  /**
   * Takes a frame of the stream (not a heartbeat); false when it changed nothing. A space the
   * server resumes with a snapshot (a new view, or a cursor too far behind): until that snapshot is
   * here the old cursor is no position in it, and a reconnect before must ask again.
   */
  take(frame) {
    if (frame.type === 'welcome') {
      const kept = keepSpaces(this.state, frame.spaces ?? []);
      const cursors = { ...kept.cursors };
      for (const [space, how] of Object.entries(frame.resume ?? {})) {
        if (how === 'snapshot') delete cursors[space];
      }
      this.state = { ...kept, cursors, viewer: frame.viewer };
    } else {
      const next = applyFrame(this.state, frame);
      if (next === this.state) return false;
      this.state = next;
    }
    this.invalidate();
    if (frame.type === 'snapshot') this.ready = true;
    return true;
  }

  get products() {
    return new Map((this.context().config?.products ?? []).map((p) => [p.id, p]));
  }

  /**
   * The configuration's modifier groups by id (what the preview prices an addLine's options by).
   */
  get groups() {
    return new Map((this.context().config?.modifierGroups ?? []).map((g) => [g.id, g]));
  }

  /** The owner's mergeLines setting and the quantity bound, as line-merge.js takes them. */
  get merging() {
    const config = this.context().config;
    return { mergeLines: config?.mergeLines === true, maxQuantity: config?.limits?.quantity ?? Infinity };
  }

  /** The tables of the applied configuration (none with parking off). */
  get slots() {
    const config = this.context().config;
    return config?.parkingEnabled ? config.slots ?? [] : [];
  }

  /**
   * The receipts with this device's unconfirmed commands applied and the draft, named in this
   * terminal's language (state.js named); recomputed after each change.
   */
  get receipts() {
    if (!this.cached) {
      const { me, deviceId, outbox, lang } = this.context();
      const out = {};
      const ctx = { me, deviceId, products: this.products, groups: this.groups,
        aliases: outbox.aliases, ...this.merging };
      const previewed = preview(this.state, unconfirmed(outbox), ctx, out);
      this.previewAliases = out.aliases;
      this.cached = named(previewed, { ...ctx, draft: this.draft, slots: this.slots, lang });
    }
    return this.cached;
  }

  get list() {
    const { me, now } = this.context();
    return receiptList(this.receipts, this.slots, me, now);
  }

  get current() {
    const r = this.receipts;
    const id = this.currentId;
    return r[id] ?? r[this.context().outbox.aliases[id]] ?? r[this.previewAliases[id]] ?? null;
  }

  /** The open receipt of table {@code slotId}, or null. */
  table(slotId) {
    return tableReceipt(this.receipts, slotId);
  }

  /**
   * Whether this device may change {@code receipt}: not while a colleague's terminal is paying it.
   */
  editable(receipt) {
    if (!receipt || receipt.occupied) return false;
    return !this.lockedBy(receipt);
  }

  /**
   * The running lease of another terminal on {@code receipt}, or null (none, or it ran out: free).
   */
  lockedBy(receipt) {
    const { deviceId, now } = this.context();
    return leaseActive(receipt, now) && receipt.lease.deviceId !== deviceId ? receipt.lease : null;
  }

  /**
   * Whether this terminal's own lease on {@code receipt} is running (a payment in progress here).
   */
  payingHere(receipt) {
    const { deviceId, now } = this.context();
    return leaseActive(receipt, now) && receipt.lease.deviceId === deviceId;
  }

  /** Whether a colleague's payment lease is among the receipts (it ends by itself: look again). */
  get anyPaying() {
    return Object.values(this.receipts).some((r) => r.state === 'PAYING');
  }

  /**
   * The number a new ad-hoc receipt (a split's) is shown with until the server names it. The draft
   * is not on the server, so it does not count: it moves on to the next number instead.
   */
  nextNumber() {
    const real = Object.fromEntries(Object.entries(this.receipts).filter(([, r]) => !r.draft));
    return nextSaleNumber(real, this.slots);
  }

  /** The oldest ad-hoc receipt of {@code me} that is here, or null: where a cashier goes on. */
  oldestOwn(me) {
    const mine = Object.values(this.receipts)
      .filter((r) => r.kind === 'AD_HOC' && r.ownerUserId === me.userId && !r.occupied)
      .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
    return mine[0] ?? null;
  }

  /**
   * The empty ad-hoc receipts of {@code me} other than the current one ("delete the empty ones").
   */
  emptyAdHoc(me) {
    const current = this.current?.id;
    return Object.values(this.receipts).filter((r) => r.kind === 'AD_HOC' && !r.occupied
      && r.state === 'OPEN' && r.ownerUserId === me?.userId && (r.lines ?? []).length === 0
      && r.id !== current && !r.draft);
  }
}
