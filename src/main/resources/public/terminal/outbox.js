// The outbox: commands this device made that the server has not answered yet, in the order they
// were made, each with the device's command number (DESIGN "Sync model", Replicache-style):
//   1. enqueue gives a command the next number; numbers never repeat (the counter is persisted with
//      the entries, see store.js), so the server can skip a resent number and refuse a gap.
//   2. everything pending is (re)sent in number order; sending twice is harmless.
//   3. an answer (accepted, refused, or answered from the server's log) drops the entry. An
//      accepted entry that names the seq of its change stays "settling" until the stream has
//      brought that seq, so its optimistic preview never blinks out between the HTTP answer and the
//      stream frame.
//   4. a refused entry becomes a notice: what was refused, why (the server's words) and where its
//      lines went (DESIGN rule 6).
//   5. a table's receipt id is the server's to derive (docs/protocol.md, openTable), so a table
//      started offline gets a local alias id: the openTable entry carries {alias}, later commands
//      use the alias as their receiptId, and sending stops after that openTable until its answer
//      names the real id; from then on the alias is replaced on the wire (aliases is persisted with
//      the entries).
// Pure: every function returns a new outbox and never mutates its argument.

/** @returns {{next:number, pending:Array, settling:Array, aliases:Object}} */
export function createOutbox(saved) {
  return {
    next: saved?.next ?? 1,
    pending: [...(saved?.pending ?? [])],
    settling: [...(saved?.settling ?? [])],
    aliases: { ...(saved?.aliases ?? {}) },
  };
}

/**
 * Adds {@code command}; returns {outbox, entry} where entry = {number, command, about, createdAt}.
 * {@code about} is what a notice needs later and the server never sees: {receiptName, lines:
 * [{name, quantity}]}, taken when the cashier acted (the receipt may be gone by the answer).
 */
export function enqueue(outbox, command, about = {}, now = Date.now(), alias = null) {
  if (!command || typeof command.type !== 'string') throw new TypeError('command needs a type');
  const entry = { number: outbox.next, command, about, createdAt: now };
  if (alias) entry.alias = alias;
  const next = { ...outbox, next: outbox.next + 1, pending: [...outbox.pending, entry] };
  return { outbox: next, entry };
}

/** What to send now: every pending entry, lowest number first. */
export function toSend(outbox) {
  return [...outbox.pending].sort((a, b) => a.number - b.number);
}

/**
 * The next batch on the wire: pending entries from the lowest number, aliases replaced by real ids,
 * ending after an openTable whose alias is not resolved yet (what follows may need its id), at
 * {@code max} commands (the server takes at most 500 in one request), and before the first entry
 * that {@code saved} says is not stored yet: a number must be on this device's disk before the
 * server can hold it, or a reload would give it to another command.
 */
export function nextBatch(outbox, max = 200, saved = () => true) {
  const batch = [];
  for (const entry of toSend(outbox)) {
    if (batch.length === max || !saved(entry)) break;
    batch.push(substitute(wire(entry), outbox.aliases));
    if (entry.alias && !outbox.aliases[entry.alias]) break;
  }
  return batch;
}

function substitute(command, aliases) {
  const out = { ...command };
  for (const key of ['receiptId', 'targetReceiptId']) {
    if (aliases[out[key]]) out[key] = aliases[out[key]];
  }
  return out;
}

/** What became of a command: 'accepted' or 'refused' (a duplicate carries the original's). */
export function outcome(ack) {
  return ack.status === 'duplicate' ? ack.original : ack.status;
}

/**
 * Applies the server's answer to one command (docs/protocol.md "Acks"): {n, status: 'accepted' |
 * 'refused' | 'duplicate', original?, seq?, code?, message?, details?, result?}. A duplicate
 * carries the original outcome (the first answer was lost on the way), so it is taken as that
 * outcome. Returns {outbox, entry, notice, gap, reused}:
 *   - gap: the number the server waits for when this one came too early (code "gap"); nothing
 *     changes, the caller resends from there;
 *   - reused: the number the server waits for when this one was already taken by another command of
 *     the device, or came after such a one in its batch (code "number_reused": a second tab, or an
 *     outbox write that never landed); nothing changes, the caller renumbers this entry and the
 *     ones after it from there and resends them (an answer without a usable expected number is
 *     taken as a plain refusal, so its lines are reported, never silently dropped);
 *   - entry: null when nothing was pending under that number (an answer already applied);
 *   - notice: set for a refusal, or when the server put the lines on another receipt than asked
 *     (the receipt was paid or deleted meanwhile, DESIGN rule 6).
 */
export function acknowledge(outbox, ack) {
  if (ack.status === 'refused' && ack.code === 'gap') {
    return { outbox, entry: null, notice: null, gap: ack.details?.expected ?? null, reused: null };
  }
  const entry = outbox.pending.find((e) => e.number === ack.n) ?? null;
  if (!entry) return { outbox, entry: null, notice: null, gap: null, reused: null };
  const expected = ack.details?.expected;
  if (ack.status === 'refused' && ack.code === 'number_reused' && Number.isSafeInteger(expected)
      && expected >= 1) {
    return { outbox, entry: null, notice: null, gap: null, reused: expected };
  }
  const pending = outbox.pending.filter((e) => e.number !== ack.n);
  const status = outcome(ack);
  if (entry.alias && status !== 'refused' && ack.result?.receiptId) {
    outbox = { ...outbox, aliases: { ...outbox.aliases, [entry.alias]: ack.result.receiptId } };
  }
  if (status === 'refused') {
    const notice = refusalNotice(entry, ack);
    return { outbox: { ...outbox, pending }, entry, notice, gap: null, reused: null };
  }
  const settling = Number.isSafeInteger(ack.seq)
    ? [...outbox.settling, { ...entry, seq: ack.seq, space: ack.space ?? null }]
    : outbox.settling;
  const notice = movedNotice(entry, ack, outbox.aliases);
  return { outbox: { ...outbox, pending, settling }, entry, notice, gap: null, reused: null };
}

/**
 * The pending entries renumbered to start at {@code from}, in their order, and the counter after
 * them: for numbers the server never applied (a gap answer, or a device paired again whose log
 * stands elsewhere), or numbers it gave to other commands (a number_reused answer: then {@code
 * from} is above them). Returns {outbox, moved: Map old number -> new number}.
 */
export function renumber(outbox, from) {
  const pending = toSend(outbox);
  const moved = new Map(pending.map((e, i) => [e.number, from + i]));
  return {
    outbox: { ...outbox, next: from + pending.length,
      pending: pending.map((e) => ({ ...e, number: moved.get(e.number) })) },
    moved,
  };
}

/**
 * The outbox without the pending entry numbered {@code number} (its write to the device failed, so
 * it was never sendable). The counter stays: the server answers the hole with a gap and what
 * follows is renumbered (a number is never given twice).
 */
export function withdraw(outbox, number) {
  return { ...outbox, pending: outbox.pending.filter((e) => e.number !== number) };
}

/** The wire form of an entry: the command with its number as {@code n}. */
export function wire(entry) {
  return { n: entry.number, ...entry.command };
}

/**
 * Drops settling entries whose change the local state has seen: {@code seen} maps a space to the
 * highest seq seen in it (a number applies to every space).
 */
export function settle(outbox, seen) {
  const seq = (space) => (typeof seen === 'number' ? seen : seen[space] ?? 0);
  const settling = outbox.settling.filter((e) => e.seq > seq(e.space));
  if (settling.length === outbox.settling.length) return outbox;
  // An alias is needed while an entry may still name it; with nothing unconfirmed none can.
  const aliases = settling.length === 0 && outbox.pending.length === 0 ? {} : outbox.aliases;
  return { ...outbox, settling, aliases };
}

/**
 * Entries the preview still applies on top of the server's state: settling then pending, in order.
 */
export function unconfirmed(outbox) {
  return [...outbox.settling, ...outbox.pending].sort((a, b) => a.number - b.number);
}

/**
 * Whether an unconfirmed entry still decides the fate of receipt {@code id}: it names it, or was
 * queued under an alias that the answer resolved to it (a table move: the answer names the table's
 * receipt, which the stream may bring a frame after it removed the old one).
 */
export function decidesFate(entry, id, aliases = {}) {
  return entry.command.receiptId === id || entry.alias === id
    || (entry.alias != null && aliases[entry.alias] === id);
}

/**
 * How many changes are waiting to be sent (the menu shows it): the cashier's actions, so a new
 * receipt's openAdHoc that rides with its first command (actions.js openDraftFor) does not count.
 */
export function unsentCount(outbox) {
  const named = (e, id) => e.command.receiptId === id || e.command.targetReceiptId === id;
  return outbox.pending.filter((e, i) => !(e.command.type === 'openAdHoc'
    && outbox.pending.slice(i + 1).some((later) => named(later, e.command.receiptId)))).length;
}

function refusalNotice(entry, ack) {
  const type = entry.command.type;
  return {
    kind: 'refused',
    number: entry.number,
    type,
    code: ack.code ?? 'refused',
    message: ack.message ?? '',
    receiptName: entry.about?.receiptName ?? null,
    lines: entry.about?.lines ?? [],
    // Where the lines are now: a refused added line is on no receipt; the lines a refused change
    // (remove, move, merge, payment ...) touched stay where they were.
    where: type === 'addLine' ? 'nowhere' : 'unchanged',
  };
}

/**
 * The lines went elsewhere than asked: the receipt was paid or deleted meanwhile. A receipt asked
 * for by its alias (a table started here before its id was known) is the one the alias stands for.
 */
function movedNotice(entry, ack, aliases) {
  const asked = aliases[entry.command.receiptId] ?? entry.command.receiptId;
  const landed = ack.result?.receiptId;
  if (entry.command.type !== 'addLine' || !landed || !asked || landed === asked) return null;
  return {
    kind: 'moved',
    number: entry.number,
    type: entry.command.type,
    code: ack.code ?? 'recovered',
    message: ack.message ?? '',
    receiptName: entry.about?.receiptName ?? null,
    lines: entry.about?.lines ?? [],
    where: 'receipt',
    receiptId: landed,
  };
}
