// How a cashier's action reaches the server (mixed into Terminal, terminal.js): the command goes into
// the outbox (outbox.js) with the device's next number, outbox and receipts are written to IndexedDB in
// one transaction, the preview shows it, and it is sent when online. Pending commands go out in number
// order; each answer drops its entry, a refusal becomes a notice (DESIGN rule 6), and a gap or
// number_reused answer renumbers what the server never applied.
import { ApiError, NetworkError } from './api.js';
import { enqueue, nextBatch, acknowledge, settle, renumber, withdraw, outcome } from './outbox.js';

/** While something is pending and the last try failed, it is tried again after 1 s, doubling to 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

export class Sending {
  /**
   * Queues {@code command} (about: what a notice would need), persists, previews and sends it.
   * Resolves with the server's ack when it comes in this page's life (payment waits on it).
   */
  async dispatch(command, about = {}, alias = null) {
    const opened = this.openDraftFor(command);
    const queued = enqueue(this.outbox, command, about, Date.now(), alias);
    const number = queued.entry.number;
    this.outbox = queued.outbox;
    // The preview includes it at once: a tap right after (a product on a table just opened) finds it.
    this.cached = null;
    const answered = new Promise((resolve) => this.waiters.set(number, resolve));
    if (!(await this.persist())) {
      // Not on this device's disk (storage full or failing): it would not survive a reload, so it is
      // not taken at all, and the cashier is told so (not a line that quietly vanishes later).
      this.outbox = withdraw(this.outbox, number);
      if (opened) {
        this.outbox = withdraw(this.outbox, opened.number);
        this.draft = opened.draft;
      }
      this.notices = [...this.notices, { kind: 'unsaved', number, type: command.type, code: 'not_saved',
        message: this.storageError ?? '', receiptName: about.receiptName ?? null, lines: about.lines ?? [], where: 'nowhere' }];
      this.waiters.get(number)?.({ n: number, status: 'refused', code: 'not_saved', message: this.t('error.storage') });
      this.waiters.delete(number);
      this.changed();
      return { number, answered };
    }
    this.changed();
    this.flush();
    return { number, answered };
  }

  /** Sends pending commands in order until none are left or the network fails. One at a time. */
  flush() {
    if (!this.flushing) {
      this.flushing = this.sendAll().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  async sendAll() {
    if (!this.session || this.suspended) return;
    for (let rounds = 0; rounds < 1000; rounds++) {
      // Only what is stored on this device goes out; a write still under way is sent when it is done.
      const batch = nextBatch(this.outbox, 200, (entry) => this.saved.has(entry));
      if (batch.length === 0) return;
      let acks;
      try {
        acks = (await this.api.commands(batch)).body;
      } catch (e) {
        if (e instanceof NetworkError) {
          // The stream may stay up through a short drop: nothing else would send these again.
          this.retryLater();
          return;
        }
        if (e instanceof ApiError && e.status === 401) {
          this.onStreamRefused();
          return;
        }
        if (e instanceof ApiError) {
          // Not an answer per command: the batch itself failed (a server error). Keep everything
          // pending, say so, and try again shortly.
          console.error('commands', e);
          this.error = this.t('error.server', { status: e.status });
          this.changed();
          this.retryLater();
          return;
        }
        throw e;
      }
      this.retryDelay = 0;
      this.error = null;
      this.answerAll(acks);
      // The stream may have shown a paid or deleted current receipt before its answer came: go on with another.
      if (this.ready && !this.current) this.ensureCurrent();
      await this.persist();
      this.changed();
    }
  }

  /** Tries the pending commands again after a growing delay (reset by an answer). */
  retryLater() {
    if (this.retryTimer || this.phase !== 'sale') return;
    this.retryDelay = Math.min(Math.max(RETRY_FIRST_MS, (this.retryDelay ?? 0) * 2), RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.outbox.pending.length > 0) this.flush();
    }, this.retryDelay);
  }

  /**
   * Takes a batch's answers in order. After one that renumbered the pending entries the rest name old
   * numbers (and the server applied none of them), so they are left: the next round resends.
   */
  answerAll(acks) {
    for (const ack of acks) if (this.answer(ack)) return;
  }

  /** Takes one answer; true when it renumbered the pending entries. */
  answer(ack) {
    const result = acknowledge(this.outbox, ack);
    if (result.gap != null) {
      this.renumberFrom(result.gap);
      return true;
    }
    if (result.reused != null) {
      // Our number was taken by another command of this device: this entry and those after it (the
      // earlier ones of the batch are answered by now) take the numbers from the one the server expects
      // and go again, so the line is kept, and applied once.
      this.move(result.reused);
      return true;
    }
    // A table started here is known by its real id from now on (aliases are dropped once all is settled).
    const alias = result.entry?.alias;
    const real = alias && result.outbox.aliases[alias];
    if (real && this.currentId === alias) this.currentId = real;
    // The stream may have brought the change before this answer: then it is settled at once.
    this.outbox = settle(result.outbox, this.state.cursors);
    this.cached = null;
    if (result.notice) this.notices = [...this.notices, result.notice];
    const waiter = result.entry && this.waiters.get(result.entry.number);
    if (waiter) {
      this.waiters.delete(result.entry.number);
      waiter(ack);
    } else if (result.entry?.command.type === 'pay' && !result.notice && outcome(ack) === 'accepted') {
      // A payment sent before a reload: no dialog waits for it any more, so its change is told here.
      this.notePaid({ name: result.entry.about?.receiptName ?? '' }, ack.result ?? {});
    }
    return false;
  }

  /**
   * The server waits for {@code expected} but our lowest pending number is higher: the numbers in
   * between were never applied (a fresh pairing), so the pending entries take them, in order.
   */
  renumberFrom(expected) {
    const pending = this.outbox.pending;
    if (pending.length === 0 || pending[0].number <= expected) return;
    this.move(expected);
  }

  /** Renumbers every pending entry from {@code from}, in order; waiters follow their entries. */
  move(from) {
    const { outbox, moved } = renumber(this.outbox, from);
    const waiters = new Map([...this.waiters].map(([n, w]) => [moved.get(n) ?? n, w]));
    this.outbox = outbox;
    this.waiters = waiters;
  }

  /**
   * At login the server says which number it expects next. Pending entries above it were never applied
   * and move down to it; with nothing pending the counter follows the server. Pending entries below it
   * were applied and their answers lost: resending them is answered from the server's log.
   */
  alignNumbers(next) {
    if (!Number.isSafeInteger(next)) return;
    if (this.outbox.pending.length === 0) this.outbox = { ...this.outbox, next: Math.max(next, 1) };
    else this.renumberFrom(next);
  }

  /** A payment answered after its dialog was closed: what was paid and the change, as a notice. */
  notePaid(receipt, result) {
    this.notices = [...this.notices, { kind: 'paid', code: 'paid', receiptName: receipt.name, lines: [],
      total: result.total ?? receipt.total ?? 0, change: result.change ?? 0 }];
    this.persist();
    this.changed();
  }

  dismissNotice(index) {
    this.notices = this.notices.filter((_, i) => i !== index);
    this.persist();
    this.changed();
  }
}
