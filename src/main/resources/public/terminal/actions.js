// What a cashier does to receipts: each action is one command dispatched through the command queue
// (command-queue.js), with what a notice would need ("about") if it is refused. The server decides;
// these only build the commands and choose what is current. Owns no state of its own: the draft and
// the current receipt are the receipts view's (receipts-view.js).
import { uuid } from './ids.js';
import { outcome } from './outbox.js';
import { linesToSend, moreOfSent } from './kitchen-lines.js';
import { mergeTarget } from './line-merge.js';

export class CashierActions {
  /**
   * @param parts {view: ReceiptsView, queue: CommandQueue, session: Session}
   * @param hooks {select(id)}, {ensureCurrent()}, {changed()}, {t(key, args)}
   */
  constructor({ view, queue, session }, { select, ensureCurrent, changed, t }) {
    Object.assign(this, { view, queue, session, select, ensureCurrent, changed, t });
  }

  /**
   * Queues {@code command} after the draft's openAdHoc when it names the draft (see openDraftFor).
   */
  dispatch(command, about = {}, alias = null) {
    const undo = this.openDraftFor(command);
    return this.queue.dispatch(command, about, alias, undo);
  }

  /**
   * A new ad-hoc receipt to work on: a draft, shown here only, created on the server (openAdHoc)
   * with the first command that names it (see openDraftFor), so an empty "Sale N" that nobody used
   * is never on a colleague's terminal or in the back office (issue 8). There is one draft at most:
   * "+" on it, or while it waits, switches to it.
   */
  async openAdHoc() {
    const { view } = this;
    if (!view.draft) view.draft = { id: uuid(), createdAt: Date.now() };
    this.select(view.draft.id);
  }

  /**
   * Called by dispatch before {@code command} is queued: when it names the draft, the draft's
   * openAdHoc is queued first (the same write stores both). Returns what takes it back if the write
   * fails, or null.
   */
  openDraftFor(command) {
    const { view } = this;
    const d = view.draft;
    if (!d || (command.receiptId !== d.id && command.targetReceiptId !== d.id)) return null;
    const shown = view.receipts[d.id];
    view.draft = null;
    if (command.type === 'openAdHoc') return null;
    const number = this.queue.enqueue({ type: 'openAdHoc', receiptId: d.id },
      { receiptName: shown?.name ?? null, number: shown?.defaultName?.number ?? null });
    return () => {
      this.queue.withdraw(number);
      view.draft = d;
    };
  }

  /**
   * The name and number a new ad-hoc receipt (a split's) is shown with until the server names it.
   * The draft is not on the server, so it does not count: it moves on to the next number instead.
   */
  nextName() {
    const number = this.view.nextNumber();
    return { name: this.t('receipt.saleName', { number }), number };
  }

  /** Opens table {@code slot} (joining its open receipt if there is one) and makes it current. */
  async openTable(slot) {
    const open = this.view.table(slot.id);
    if (open) {
      this.select(open.id);
      return;
    }
    const alias = uuid();
    this.view.currentId = alias;
    await this.dispatch({ type: 'openTable', slotId: slot.id }, { receiptName: slot.name }, alias);
  }

  about(receipt, lines = []) {
    return { receiptName: receipt?.name ?? null,
      lines: lines.map((l) => ({ name: l.name, quantity: l.quantity })) };
  }

  /**
   * Adds {@code product}; {@code modifiers}: the chosen option ids (the chooser's), priced by the
   * server.
   */
  addProduct(product, quantity = 1000, modifiers = []) {
    const r = this.view.current;
    if (!this.view.editable(r)) return null;
    const lineId = uuid();
    const command = { type: 'addLine', receiptId: r.id, lineId, productId: product.id,
      quantity, ...(modifiers.length > 0 ? { modifiers } : {}) };
    // The receipt panel scrolls the cashier's line into view: the new one, or the one it adds to.
    const same = modifiers.length === 0 ? mergeTarget(r.lines, command, product.price, this.view.merging) : null;
    this.view.reveal = same?.id ?? lineId;
    return this.dispatch(command, this.about(r, [{ name: product.name, quantity }]));
  }

  addFree(name, unitPrice, vat, quantity = 1000) {
    const r = this.view.current;
    if (!this.view.editable(r)) return null;
    const lineId = this.view.reveal = uuid();
    return this.dispatch({ type: 'addLine', receiptId: r.id, lineId, name, unitPrice, vat,
      quantity }, this.about(r, [{ name, quantity }]));
  }

  adjust(receipt, line, delta) {
    if (line.quantity + delta < 1) return this.removeLine(receipt, line);
    if (line.sent && delta > 0) {
      // The kitchen has the sent line as it was: more of it is a new line for the next "Send".
      if (!this.view.editable(receipt)) return null;
      const lineId = this.view.reveal = uuid();
      return this.dispatch({ type: 'addLine', receiptId: receipt.id, lineId, ...moreOfSent(line, delta) },
        this.about(receipt, [{ name: line.name, quantity: delta }]));
    }
    return this.dispatch({ type: 'adjustQuantity', lineId: line.id, delta },
      this.about(receipt, [line]));
  }

  removeLine(receipt, line) {
    return this.dispatch({ type: 'removeLine', lineId: line.id }, this.about(receipt, [line]));
  }

  /** Lowering or removing {@code line}: a sent one only with VOID_LINES (as the server rules). */
  mayLower(line) {
    return !line.sent || this.session.can('VOID_LINES');
  }

  /** Deleting {@code receipt}: one with lines only with VOID_LINES. */
  mayDelete(receipt) {
    return (receipt.lines ?? []).length === 0 || this.session.can('VOID_LINES');
  }

  /**
   * "Send to kitchen": marks the lines not sent yet (named: not a colleague's newer line); with
   * {@code upTo} only courses up to it ("Hold" the later ones, "Fire course N": kitchen-lines.js).
   */
  sendToKitchen(receipt, upTo = null) {
    const lines = linesToSend(receipt, upTo);
    if (lines.length === 0) return null;
    const command = { type: 'markSent', receiptId: receipt.id, lineIds: lines.map((l) => l.id) };
    return this.dispatch(command, this.about(receipt, lines));
  }

  /** The course (1..9) or seat (1..99) of {@code line}; null clears it. */
  setLineCourse(receipt, line, course) {
    return this.dispatch({ type: 'setLineCourse', lineId: line.id, course }, this.about(receipt, [line]));
  }

  setLineSeat(receipt, line, seat) {
    return this.dispatch({ type: 'setLineSeat', lineId: line.id, seat }, this.about(receipt, [line]));
  }

  changePrice(receipt, line, unitPrice) {
    return this.dispatch({ type: 'changePrice', lineId: line.id, unitPrice },
      this.about(receipt, [line]));
  }

  /**
   * A discount on {@code line} (GIVE_DISCOUNTS): {kind: 'PERCENT'|'AMOUNT', value, reason}, or
   * null to remove it. PERCENT in hundredths of a percent, AMOUNT in grosze (discounts.js).
   */
  setLineDiscount(receipt, line, discount) {
    return this.dispatch({ type: 'setLineDiscount', lineId: line.id, ...discountFields(discount) },
      this.about(receipt, [line]));
  }

  /** A discount on the whole of {@code receipt}, or null to remove it (as setLineDiscount). */
  setReceiptDiscount(receipt, discount) {
    return this.dispatch({ type: 'setReceiptDiscount', receiptId: receipt.id,
      ...discountFields(discount) }, this.about(receipt));
  }

  /** Ends another terminal's payment lease (BREAK_PAYMENT_LOCK; the server audits who did). */
  breakLease(receipt) {
    return this.dispatch({ type: 'breakLease', receiptId: receipt.id }, this.about(receipt));
  }

  noteLine(receipt, line, note) {
    return this.dispatch({ type: 'noteLine', lineId: line.id, note: note || null },
      this.about(receipt, [line]));
  }

  noteReceipt(receipt, note) {
    return this.dispatch({ type: 'noteReceipt', receiptId: receipt.id, note: note || null },
      this.about(receipt));
  }

  setGuests(receipt, guests) {
    return this.dispatch({ type: 'setGuests', receiptId: receipt.id, guests }, this.about(receipt));
  }

  rename(receipt, name) {
    return this.dispatch({ type: 'rename', receiptId: receipt.id, name }, this.about(receipt));
  }

  /**
   * Deletes an ad-hoc receipt; online, waits for the answer so a refused delete keeps it current.
   */
  async remove(receipt) {
    const { view } = this;
    if (receipt.id === view.draft?.id) {
      view.draft = null; // never created: nothing to delete on the server
      view.currentId = null;
      view.invalidate();
      this.ensureCurrent();
      this.changed();
      return;
    }
    const wasCurrent = view.currentId === receipt.id;
    const { answered } = await this.dispatch({ type: 'delete', receiptId: receipt.id },
      this.about(receipt, receipt.lines ?? []));
    // Reachable server: its answer decides (a refusal keeps the receipt). Offline: go on at once.
    const offline = new Promise((resolve) => setTimeout(() => resolve(null), 3000));
    const ack = await Promise.race([answered, offline]);
    if (ack && outcome(ack) === 'refused') return;
    if (wasCurrent && view.currentId === receipt.id) {
      view.currentId = null;
      this.ensureCurrent();
      this.changed();
    }
  }

  /** My empty ad-hoc receipts other than the current one: what "delete the empty ones" removes. */
  get emptyAdHoc() {
    return this.view.emptyAdHoc(this.session.me);
  }

  /**
   * Deletes every receipt of emptyAdHoc (the seed's "delete all added ones"; with lines they stay).
   */
  removeEmpty() {
    return Promise.all(this.emptyAdHoc.map((r) => this.dispatch({ type: 'delete', receiptId: r.id },
      this.about(r))));
  }

  /**
   * Where lines go: {receipt} (an open receipt), {slot} (a free table, opened here first without
   * becoming current) or null (a new ad-hoc receipt). Resolves with the target's id and name.
   */
  async target(to) {
    if (to?.receipt) return { id: to.receipt.id, name: to.receipt.name, fresh: false };
    if (to?.slot) {
      const open = this.view.table(to.slot.id);
      if (open) return { id: open.id, name: open.name, fresh: false };
      const alias = uuid();
      await this.dispatch({ type: 'openTable', slotId: to.slot.id }, { receiptName: to.slot.name },
        alias);
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
    const moved = parts.map(({ line, quantity }) => ({ name: line.name,
      quantity: quantity ?? line.quantity }));
    return this.dispatch({
      type: 'moveLines', receiptId: receipt.id, targetReceiptId: target.id,
      ...(target.fresh ? { newTarget: true } : {}),
      lines: parts.map(({ line, quantity }) => (quantity != null && quantity < line.quantity
        ? { lineId: line.id, quantity, newLineId: uuid() } : { lineId: line.id })),
    }, { ...this.about(receipt, moved), targetName: target.name,
      targetNumber: target.number ?? null });
  }

  /** Merge: every line of {@code receipt} into {@code to} ({receipt} or a free table's {slot}). */
  async merge(receipt, to) {
    const target = await this.target(to);
    if (this.view.currentId === receipt.id) this.view.currentId = target.id;
    return this.dispatch({ type: 'merge', receiptId: receipt.id, targetReceiptId: target.id },
      this.about(receipt, receipt.lines ?? []));
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
  /** Pays what is left; {@code tip}: {amount} or {percent} (hundredths of a percent), or none. */
  pay(receipt, payments, tip = null) {
    const seen = this.view.state.receipts[receipt.id];
    const seq = seen?.seq ?? receipt.seq;
    return this.dispatch({ type: 'pay', receiptId: receipt.id, seq, payments, ...(tip ? { tip } : {}) },
      this.about(receipt, receipt.lines ?? []));
  }

  /**
   * Cash taken offline (docs/protocol.md "Paying offline"): {@code amount} the total charged and
   * kept; {@code seenSeq} the server's seq of the receipt this terminal held (0 for one it opened
   * offline). The receipt closes here at once (preview); the server decides on reconnect.
   */
  payOffline(receipt, amount, now = Date.now()) {
    const seen = this.view.state.receipts[receipt.id];
    const seenSeq = seen?.seq ?? 0;
    return this.dispatch({ type: 'payOffline', receiptId: receipt.id, seenSeq, amount, method: 'cash',
      paidAt: now }, this.about(receipt, receipt.lines ?? []));
  }

  /** One part of a split bill: {@code split} {by: 'EVEN', parts} or {by: 'AMOUNT', amount}. */
  payPart(receipt, split, payments, tip = null) {
    const seen = this.view.state.receipts[receipt.id];
    const seq = seen?.seq ?? receipt.seq;
    return this.dispatch({ type: 'payPart', receiptId: receipt.id, seq, split, payments,
      ...(tip ? { tip } : {}) }, this.about(receipt, receipt.lines ?? []));
  }

  dayClose() {
    return this.dispatch({ type: 'dayClose' }, {});
  }
}

/** A discount command's fields: {kind, value, reason}, or {kind: null} that removes it. */
function discountFields(discount) {
  return discount?.kind
    ? { kind: discount.kind, value: discount.value, reason: discount.reason }
    : { kind: null };
}
