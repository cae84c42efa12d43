// How a cashier's action reaches the server: the command goes into the outbox (outbox.js) with the
// device's next number, outbox and receipts are written to IndexedDB in one transaction, the
// preview shows it, and it is sent when online. Pending commands go out in number order; each
// answer drops its entry, a refusal becomes a notice (DESIGN rule 6), and a gap or number_reused
// answer renumbers what the server never applied. Owns the outbox, the answers awaited, the retry
// timer and the notices.
import { ApiError, NetworkError } from './api.js';
import { createOutbox, enqueue, nextBatch, acknowledge, settle, renumber, withdraw, outcome,
  unconfirmed, unsentCount } from './outbox.js';

/** While something is pending and the last try failed, it is tried again after 1 s, up to 30 s. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** While the server's database is down, a retry at least this often: it is back within seconds. */
const UNAVAILABLE_MAX_MS = 5000;

/** What the queue needs of the terminal around it; every hook may be left out (a test's queue). */
const NO_HOOKS = {
  api: null,
  t: (key) => key,
  /** Writes outbox, receipts and notices in one transaction; resolves false when that failed. */
  persist: async () => true,
  /** Why the last write failed, while it fails. */
  storageError: () => null,
  changed: () => {},
  /** The preview must be recomputed. */
  invalidate: () => {},
  /** The stream's cursor per space: an accepted entry whose seq is there is settled at once. */
  cursors: () => ({}),
  /** Whether commands may go out now (a cashier logged in, this tab working the terminal). */
  canSend: () => false,
  /** Whether a retry is worth a timer (the sale screen is up). */
  selling: () => false,
  /** The session or the device was refused (401). */
  unauthorized: () => {},
  /** What the top of the screen says of sending: a server error's text, or null once answered. */
  report: () => {},
  /** A batch was answered (the current receipt may be gone now). */
  answered: () => {},
  /** A table started here is known by its real id from now on. */
  resolved: () => {},
};

export class CommandQueue {
  constructor(hooks = {}) {
    this.hooks = { ...NO_HOOKS, ...hooks };
    this.outbox = createOutbox();
    /**
     * Outbox entries known to be stored in IndexedDB: only these are sent (outbox.js nextBatch).
     */
    this.saved = new WeakSet();
    /** Resolves a dispatch's {@code answered} by command number, while this page lives. */
    this.waiters = new Map();
    this.notices = [];
    this.flushing = null;
    this.retryTimer = null;
    this.retryDelay = 0;
  }

  /** Takes the outbox and notices stored by an earlier visit (all of it on disk, so sendable). */
  restore(outbox, notices) {
    this.outbox = createOutbox(outbox ?? undefined);
    this.markSaved(this.outbox);
    this.notices = notices ?? [];
  }

  markSaved(outbox) {
    for (const entry of outbox.pending) this.saved.add(entry);
  }

  get unsent() {
    return unsentCount(this.outbox);
  }

  /** Commands sent or waiting whose change the stream has not brought yet (the preview's). */
  get unconfirmed() {
    return unconfirmed(this.outbox);
  }

  /** Queues {@code command} without storing or sending it; returns its number (see withdraw). */
  enqueue(command, about = {}, alias = null) {
    const queued = enqueue(this.outbox, command, about, Date.now(), alias);
    this.outbox = queued.outbox;
    return queued.entry.number;
  }

  withdraw(number) {
    this.outbox = withdraw(this.outbox, number);
  }

  /**
   * Queues {@code command} (about: what a notice would need), persists, previews and sends it.
   * Resolves with the server's ack when it comes in this page's life (payment waits on it).
   * {@code undo} takes back what the caller queued with it (a draft's openAdHoc) if not stored.
   */
  async dispatch(command, about = {}, alias = null, undo = null) {
    const { hooks } = this;
    const number = this.enqueue(command, about, alias);
    // The preview includes it at once: a tap right after (a product on a table just opened)
    // finds it.
    hooks.invalidate();
    const answered = new Promise((resolve) => this.waiters.set(number, resolve));
    if (!(await hooks.persist())) {
      // Not on this device's disk (storage full or failing): it would not survive a reload, so it
      // is not taken at all, and the cashier is told so (not a line that quietly vanishes later).
      this.withdraw(number);
      undo?.();
      this.notices = [...this.notices, { kind: 'unsaved', number, type: command.type,
        code: 'not_saved', message: hooks.storageError() ?? '',
        receiptName: about.receiptName ?? null, lines: about.lines ?? [], where: 'nowhere' }];
      this.waiters.get(number)?.({ n: number, status: 'refused', code: 'not_saved',
        message: hooks.t('error.storage') });
      this.waiters.delete(number);
      hooks.changed();
      return { number, answered };
    }
    hooks.changed();
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
    const { hooks } = this;
    if (!hooks.canSend()) return;
    for (let rounds = 0; rounds < 1000; rounds++) {
      // Only what is stored on this device goes out; a write still under way is sent when
      // it is done.
      const batch = nextBatch(this.outbox, 200, (entry) => this.saved.has(entry));
      if (batch.length === 0) return;
      let acks;
      try {
        acks = (await hooks.api.commands(batch)).body;
      } catch (e) {
        if (e instanceof NetworkError) {
          // The stream may stay up through a short drop: nothing else would send these again.
          this.retryLater();
          return;
        }
        if (e instanceof ApiError && e.status === 401) {
          hooks.unauthorized();
          return;
        }
        if (e instanceof ApiError && e.unavailable) {
          // The server's database is down for a moment: everything stays pending, the cashier stays
          // logged in, and the batch goes again after Retry-After (growing to UNAVAILABLE_MAX_MS).
          hooks.report(hooks.t('error.unavailable'));
          hooks.changed();
          this.retryLater(Math.max(1, e.retryAfter ?? 1) * 1000, UNAVAILABLE_MAX_MS);
          return;
        }
        if (e instanceof ApiError) {
          // Not an answer per command: the batch itself failed (a server error). Keep everything
          // pending, say so, and try again shortly.
          console.error('commands', e);
          hooks.report(hooks.t('error.server', { status: e.status }));
          hooks.changed();
          this.retryLater();
          return;
        }
        throw e;
      }
      this.retryDelay = 0;
      hooks.report(null);
      this.answerAll(acks);
      hooks.answered();
      await hooks.persist();
      hooks.changed();
    }
  }

  /**
   * Tries the pending commands again after a growing delay (reset by an answer): from {@code first}
   * ms, doubling to {@code max} ms.
   */
  retryLater(first = RETRY_FIRST_MS, max = RETRY_MAX_MS) {
    if (this.retryTimer || !this.hooks.selling()) return;
    this.retryDelay = Math.min(Math.max(first, this.retryDelay * 2), max);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.outbox.pending.length > 0) this.flush();
    }, this.retryDelay);
  }

  /** Stops a retry that is waiting (logout, another tab took over). */
  stop() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /**
   * Takes a batch's answers in order. After one that renumbered the pending entries the rest name
   * old numbers (and the server applied none of them), so they are left: the next round resends.
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
      // earlier ones of the batch are answered by now) take the numbers from the one the server
      // expects and go again, so the line is kept, and applied once.
      this.move(result.reused);
      return true;
    }
    // A table started here is known by its real id from now on (aliases are dropped once all
    // is settled).
    const alias = result.entry?.alias;
    const real = alias && result.outbox.aliases[alias];
    if (real) this.hooks.resolved(alias, real);
    // The stream may have brought the change before this answer: then it is settled at once.
    this.outbox = settle(result.outbox, this.hooks.cursors());
    this.hooks.invalidate();
    if (result.notice) this.notices = [...this.notices, result.notice];
    // An offline payment the server kept for the manager (docs/protocol.md "Paying offline").
    const attention = result.entry?.command.type === 'payOffline' && outcome(ack) === 'accepted'
      ? ack.result?.attention : null;
    if (attention) {
      this.notices = [...this.notices, { kind: 'attention', code: attention,
        receiptName: result.entry.about?.receiptName ?? '', lines: [] }];
    }
    const waiter = result.entry && this.waiters.get(result.entry.number);
    if (waiter) {
      this.waiters.delete(result.entry.number);
      waiter(ack);
    } else if (result.entry?.command.type === 'pay' && !result.notice
        && outcome(ack) === 'accepted') {
      // A payment sent before a reload: no dialog waits for it any more, so its change is
      // told here.
      this.notePaid({ name: result.entry.about?.receiptName ?? '' }, ack.result ?? {});
    }
    return false;
  }

  /** The stream brought these cursors: accepted entries whose change is there are done. */
  settle(cursors) {
    this.outbox = settle(this.outbox, cursors);
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
   * A pairing: the server says where the device's numbering stands (a device paired again keeps its
   * log). What was not sent before a cut-off is kept and goes out after the next login, under these
   * numbers; what was settling is forgotten with the receipts.
   */
  startAt(next) {
    const kept = createOutbox({ pending: this.outbox.pending, aliases: this.outbox.aliases });
    this.outbox = renumber(kept, next).outbox;
  }

  /**
   * At login the server says which number it expects next. Pending entries above it were never
   * applied and move down to it; with nothing pending the counter follows the server. Pending
   * entries below it were applied and their answers lost: resending them is answered from the
   * server's log.
   */
  alignNumbers(next) {
    if (!Number.isSafeInteger(next)) return;
    if (this.outbox.pending.length === 0) this.outbox = { ...this.outbox, next: Math.max(next, 1) };
    else this.renumberFrom(next);
  }

  /** A payment answered after its dialog was closed: what was paid and the change, as a notice. */
  notePaid(receipt, result) {
    this.notices = [...this.notices, { kind: 'paid', code: 'paid', receiptName: receipt.name,
      lines: [], total: result.total ?? receipt.total ?? 0, change: result.change ?? 0 }];
    this.hooks.persist();
    this.hooks.changed();
  }

  dismissNotice(index) {
    this.notices = this.notices.filter((_, i) => i !== index);
    this.hooks.persist();
    this.hooks.changed();
  }
}
