// What a cashier does to receipts (mixed into Terminal, terminal.js): each action is one command
// dispatched through the outbox (sending.js), with what a notice would need ("about") if it is refused.
// The server decides; these only build the commands and choose what is current.
import { tableReceipt, nextSaleNumber } from './state.js';
import { uuid } from './ids.js';
import { enqueue, outcome } from './outbox.js';

export class CashierActions {
  /**
   * A new ad-hoc receipt to work on: a draft, shown here only, created on the server (openAdHoc) with
   * the first command that names it (see openDraftFor), so an empty "Sale N" that nobody used is never
   * on a colleague's terminal or in the back office (issue 8). There is one draft at most: "+" on it,
   * or while it waits, switches to it.
   */
  async openAdHoc() {
    if (!this.draft) this.draft = { id: uuid(), createdAt: Date.now() };
    this.select(this.draft.id);
  }

  /**
   * Called by dispatch before {@code command} is queued: when it names the draft, the draft's openAdHoc
   * is queued first (the same write stores both). Returns {draft, number} to undo it, or null.
   */
  openDraftFor(command) {
    const d = this.draft;
    if (!d || (command.receiptId !== d.id && command.targetReceiptId !== d.id)) return null;
    const shown = this.receipts[d.id];
    this.draft = null;
    if (command.type === 'openAdHoc') return null;
    const queued = enqueue(this.outbox, { type: 'openAdHoc', receiptId: d.id },
      { receiptName: shown?.name ?? null, number: shown?.defaultName?.number ?? null });
    this.outbox = queued.outbox;
    return { draft: d, number: queued.entry.number };
  }

  /**
   * The name and number a new ad-hoc receipt (a split's) is shown with until the server names it. The
   * draft is not on the server, so it does not count: it moves on to the next number instead.
   */
  nextName() {
    const real = Object.fromEntries(Object.entries(this.receipts).filter(([, r]) => !r.draft));
    const number = nextSaleNumber(real, this.slots);
    return { name: this.t('receipt.saleName', { number }), number };
  }

  /** Opens table {@code slot} (joining its open receipt if there is one) and makes it current. */
  async openTable(slot) {
    const open = tableReceipt(this.receipts, slot.id);
    if (open) {
      this.select(open.id);
      return;
    }
    const alias = uuid();
    this.currentId = alias;
    await this.dispatch({ type: 'openTable', slotId: slot.id }, { receiptName: slot.name }, alias);
  }

  /** The receipt id to put in a command: a table started here may still be known only by its alias. */
  idFor(receipt) {
    return receipt.id;
  }

  about(receipt, lines = []) {
    return { receiptName: receipt?.name ?? null, lines: lines.map((l) => ({ name: l.name, quantity: l.quantity })) };
  }

  addProduct(product, quantity = 1000) {
    const r = this.current;
    if (!this.editable(r)) return null;
    const lineId = this.reveal = uuid(); // the receipt panel scrolls the cashier's new line into view
    return this.dispatch({ type: 'addLine', receiptId: this.idFor(r), lineId, productId: product.id, quantity },
      this.about(r, [{ name: product.name, quantity }]));
  }

  addFree(name, unitPrice, vat, quantity = 1000) {
    const r = this.current;
    if (!this.editable(r)) return null;
    const lineId = this.reveal = uuid();
    return this.dispatch({ type: 'addLine', receiptId: this.idFor(r), lineId, name, unitPrice, vat, quantity },
      this.about(r, [{ name, quantity }]));
  }

  adjust(receipt, line, delta) {
    if (line.quantity + delta < 1) return this.removeLine(receipt, line);
    return this.dispatch({ type: 'adjustQuantity', lineId: line.id, delta }, this.about(receipt, [line]));
  }

  removeLine(receipt, line) {
    return this.dispatch({ type: 'removeLine', lineId: line.id }, this.about(receipt, [line]));
  }

  /** Lowering or removing {@code line}: a sent one only with VOID_LINES (the server refuses it otherwise). */
  mayLower(line) {
    return !line.sent || this.can('VOID_LINES');
  }

  /** Deleting {@code receipt}: one with lines only with VOID_LINES. */
  mayDelete(receipt) {
    return (receipt.lines ?? []).length === 0 || this.can('VOID_LINES');
  }

  /** "Send to kitchen": marks the lines not sent yet (named, so a colleague's newer line is not included). */
  sendToKitchen(receipt) {
    const lines = (receipt.lines ?? []).filter((l) => !l.sent);
    if (lines.length === 0) return null;
    const command = { type: 'markSent', receiptId: receipt.id, lineIds: lines.map((l) => l.id) };
    return this.dispatch(command, this.about(receipt, lines));
  }

  changePrice(receipt, line, unitPrice) {
    return this.dispatch({ type: 'changePrice', lineId: line.id, unitPrice }, this.about(receipt, [line]));
  }

  /** Ends another terminal's payment lease (BREAK_PAYMENT_LOCK; the server audits who did). */
  breakLease(receipt) {
    return this.dispatch({ type: 'breakLease', receiptId: receipt.id }, this.about(receipt));
  }

  noteLine(receipt, line, note) {
    return this.dispatch({ type: 'noteLine', lineId: line.id, note: note || null }, this.about(receipt, [line]));
  }

  noteReceipt(receipt, note) {
    return this.dispatch({ type: 'noteReceipt', receiptId: receipt.id, note: note || null }, this.about(receipt));
  }

  setGuests(receipt, guests) {
    return this.dispatch({ type: 'setGuests', receiptId: receipt.id, guests }, this.about(receipt));
  }

  rename(receipt, name) {
    return this.dispatch({ type: 'rename', receiptId: receipt.id, name }, this.about(receipt));
  }

  /** Deletes an ad-hoc receipt; online, waits for the answer so a refused delete keeps it current. */
  async remove(receipt) {
    if (receipt.id === this.draft?.id) {
      this.draft = null; // never created: nothing to delete on the server
      this.currentId = null;
      this.cached = null;
      this.ensureCurrent();
      this.changed();
      return;
    }
    const wasCurrent = this.currentId === receipt.id;
    const { answered } = await this.dispatch({ type: 'delete', receiptId: receipt.id }, this.about(receipt, receipt.lines ?? []));
    // Reachable server: its answer decides (a refusal keeps the receipt). Offline: go on at once.
    const ack = await Promise.race([answered, new Promise((resolve) => setTimeout(() => resolve(null), 3000))]);
    if (ack && outcome(ack) === 'refused') return;
    if (wasCurrent && this.currentId === receipt.id) {
      this.currentId = null;
      this.ensureCurrent();
      this.changed();
    }
  }

  /** My empty ad-hoc receipts other than the current one: what "delete the empty ones" removes. */
  get emptyAdHoc() {
    return Object.values(this.receipts).filter((r) => r.kind === 'AD_HOC' && !r.occupied && r.state === 'OPEN'
      && r.ownerUserId === this.me?.userId && (r.lines ?? []).length === 0 && r.id !== this.current?.id && !r.draft);
  }

  /** Deletes every receipt of emptyAdHoc (the seed's "delete all added ones"; with lines they stay). */
  removeEmpty() {
    return Promise.all(this.emptyAdHoc.map((r) => this.dispatch({ type: 'delete', receiptId: r.id }, this.about(r))));
  }

  /**
   * Where lines go: {receipt} (an open receipt), {slot} (a free table, opened here first without
   * becoming current) or null (a new ad-hoc receipt). Resolves with the target's id and how to name it.
   */
  async target(to) {
    if (to?.receipt) return { id: to.receipt.id, name: to.receipt.name, fresh: false };
    if (to?.slot) {
      const open = tableReceipt(this.receipts, to.slot.id);
      if (open) return { id: open.id, name: open.name, fresh: false };
      const alias = uuid();
      await this.dispatch({ type: 'openTable', slotId: to.slot.id }, { receiptName: to.slot.name }, alias);
      return { id: alias, name: to.slot.name, fresh: false };
    }
    const { name, number } = this.nextName();
    return { id: uuid(), name, number, fresh: true };
  }

  /**
   * Split: moves {@code parts} ([{line, quantity}]; a quantity below the line's splits it, the part
   * moving under a new line id) to {@code to} (see target()).
   */
  async moveLines(receipt, parts, to) {
    const target = await this.target(to);
    return this.dispatch({
      type: 'moveLines', receiptId: receipt.id, targetReceiptId: target.id, ...(target.fresh ? { newTarget: true } : {}),
      lines: parts.map(({ line, quantity }) => (quantity != null && quantity < line.quantity
        ? { lineId: line.id, quantity, newLineId: uuid() } : { lineId: line.id })),
    }, { ...this.about(receipt, parts.map(({ line, quantity }) => ({ name: line.name, quantity: quantity ?? line.quantity }))), targetName: target.name,
      targetNumber: target.number ?? null });
  }

  /** Merge: every line of {@code receipt} into {@code to} ({receipt} or a free table's {slot}). */
  async merge(receipt, to) {
    const target = await this.target(to);
    if (this.currentId === receipt.id) this.currentId = target.id;
    return this.dispatch({ type: 'merge', receiptId: receipt.id, targetReceiptId: target.id }, this.about(receipt, receipt.lines ?? []));
  }

  reassign(receipt, userId) {
    return this.dispatch({ type: 'reassign', receiptId: receipt.id, userId }, this.about(receipt));
  }

  startPayment(receipt) {
    return this.dispatch({ type: 'startPayment', receiptId: receipt.id }, this.about(receipt));
  }

  cancelPayment(receipt) {
    return this.dispatch({ type: 'cancelPayment', receiptId: receipt.id }, this.about(receipt));
  }

  /** Pays with the seq of the server's state the cashier saw (not a preview). */
  pay(receipt, payments) {
    const seen = this.state.receipts[receipt.id];
    return this.dispatch({ type: 'pay', receiptId: receipt.id, seq: seen?.seq ?? receipt.seq, payments }, this.about(receipt, receipt.lines ?? []));
  }

  dayClose() {
    return this.dispatch({ type: 'dayClose' }, {});
  }
}
