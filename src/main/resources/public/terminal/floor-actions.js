// Moving a whole receipt to another table (issue 12, docs/terminal.md "Moving a table"): a free
// table gets moveReceipt; a taken one is a merge, after the cashier says yes to "Merge with
// <table>?". The server has the last word: when the table was taken meanwhile (a colleague opened
// it before the move arrived), moveReceipt is refused with code occupied, and that refusal becomes
// the same question instead of a notice. The preview of moveReceipt is table-moves.js's.
import { outcome } from './outbox.js';

export class FloorActions {
  /**
   * @param parts {view: ReceiptsView, queue: CommandQueue, actions: CashierActions}
   * @param hooks {ask(question): boolean} (a yes/no question to the cashier), {t(key, args)}
   */
  constructor({ view, queue, actions }, { ask, t }) {
    Object.assign(this, { view, queue, actions, ask, t });
  }

  /**
   * Moves {@code receipt} to {@code choice} ({slot, free, receipt}: floor.js moveChoice). Resolves
   * with 'moved', 'merged', 'kept' (the cashier said no) or 'refused'.
   */
  async moveTable(receipt, choice) {
    const open = this.view.table(choice.slot.id);
    if (open && open.id !== receipt.id) return this.mergeInto(receipt, choice.slot, open);
    // The server moves the lines to the table's own receipt (another id) and deletes this one: the
    // receipt's id is the command's alias, so the answer's receiptId replaces it where this terminal
    // still names it (the current receipt, commands queued after the move: outbox.js aliases).
    const { number, answered } = await this.actions.dispatch(
      { type: 'moveReceipt', receiptId: receipt.id, slotId: choice.slot.id },
      { ...this.actions.about(receipt, receipt.lines ?? []), targetName: choice.slot.name }, receipt.id);
    const ack = await answered;
    if (outcome(ack) !== 'refused') return 'moved';
    if (ack.code !== 'occupied') return 'refused';
    // Asked below instead of told: the notice of this refusal goes.
    const i = this.queue.notices.findIndex((n) => n.number === number && n.code === 'occupied');
    if (i >= 0) this.queue.dismissNotice(i);
    const taken = this.view.table(choice.slot.id) ?? this.view.receipts[ack.details?.receiptId] ?? null;
    return this.mergeInto(receipt, choice.slot, taken, 'moveTable.taken');
  }

  /** Asks "Merge with <table>?" and on yes merges {@code receipt} into that table's receipt. */
  async mergeInto(receipt, slot, open, question = 'moveTable.merge') {
    if (!this.ask(this.t(question, { table: slot.name }))) return 'kept';
    // Not here yet (the stream is behind the refusal): the table's receipt is joined by openTable.
    await this.actions.merge(receipt, open ? { receipt: open } : { slot });
    return 'merged';
  }
}
