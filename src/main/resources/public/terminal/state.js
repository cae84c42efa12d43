// Local state of the receipts this terminal sees, kept from the stream (docs/protocol.md "Stream").
// A device may act on several spaces (its shop's and its own, DESIGN "Sync model"), each with its
// own seq, so the cursor is one seq per space:
//   - a snapshot of a space replaces that space's receipts and sets its cursor;
//   - a "receipt" change carries the full state of one receipt after it (state-based), so applying
//     it is a replace by id; a frame at or below its space's cursor was seen already and is ignored;
//     the server may skip seqs this terminal may not see, so a jump is not a gap;
//   - a "delta" carries the change only (the receipt's fields without its lines, the lines added or
//     changed, the ids removed) onto the receipt as its change "prev" left it: it applies onto a
//     held copy at seq prev, else the copy cannot be trusted: the space is marked in "resync", its
//     cursor dropped and its frames ignored until a snapshot replaces it (the terminal reconnects,
//     and a hello without that cursor gets one);
//   - a receipt that is CLOSED or DELETED, or a "gone" frame (it became invisible), leaves the
//     list;
//   - a table the user may not see arrives as {id, slotId, name, occupied: true} without contents.
//   - applied: per space, the highest own command number whose changes the held receipts of that
//     space contain, from a frame's or a snapshot's "by" (sent only to the device that sent the
//     command). A device's commands apply in order, so every own command up to it is in there too
//     (or refused).
// On top of it, preview() (preview.js) replays this device's unconfirmed commands (outbox.js) so the cashier
// sees their own edits at once, offline too, except those the held receipts already contain: a
// frame can come before its command's HTTP answer, and a delta applied twice would be wrong money.
// The server's receipts and totals are the truth: a preview only lives until the server's frame for
// it arrives.
import { lowestFree, namesOf, receiptName } from './names.js';
import { byAge, newReceipt, put, without } from './preview.js';

// The preview of unconfirmed commands is preview.js; its entry points are offered here too.
export { preview, tableReceipt, receiptOfLine } from './preview.js';

export function emptyState() {
  return { cursors: {}, receipts: {}, applied: {}, resync: {} };
}


/** {@code applied} with {@code space} raised to {@code n} when n is higher (numbers only grow). */
function raise(applied = {}, space, n) {
  return Number.isSafeInteger(n) && n > (applied[space] ?? 0)
    ? { ...applied, [space]: n }
    : applied;
}

const isLive = (r) => !r.gone && r.state !== 'CLOSED' && r.state !== 'DELETED';

/**
 * A snapshot frame {space, seq, receipts: [...], occupied: [...]} -> the state with that space
 * replaced ({@code receipts} the viewer sees in full, {@code occupied} the tables it may not see).
 */
export function applySnapshot(state, snapshot) {
  const space = snapshot.space;
  const receipts = {};
  for (const r of Object.values(state.receipts)) {
    if ((r.space ?? null) !== space) receipts[r.id] = r;
  }
  for (const r of [...(snapshot.receipts ?? []), ...(snapshot.occupied ?? [])]) {
    if (isLive(r)) receipts[r.id] = { ...r, space: r.space ?? space };
  }
  return {
    ...state,
    cursors: { ...state.cursors, [space]: snapshot.seq },
    receipts,
    applied: raise(state.applied, space, snapshot.by?.n),
    resync: without(state.resync, space),
  };
}

/**
 * Any stream frame -> the state after it: snapshot, receipt (full), delta (a change onto the held
 * receipt), occupied (a stub), gone ({id}).
 * Other frames (welcome, heartbeat) leave it as it is.
 */
export function applyFrame(state, frame) {
  switch (frame.type) {
    case 'snapshot':
      return applySnapshot(state, frame);
    case 'receipt':
    case 'occupied':
      return applyChange(state, frame);
    case 'delta':
      return applyDelta(state, frame);
    case 'gone':
      return applyChange(state, {
        space: frame.space, seq: frame.seq, by: frame.by, receipt: { id: frame.id, gone: true },
      });
    default:
      return state;
  }
}

/** Keeps only the spaces the device may act on now (the welcome frame lists them). */
export function keepSpaces(state, spaces) {
  const keep = new Set(spaces);
  const receipts = {};
  for (const r of Object.values(state.receipts)) {
    if (!r.space || keep.has(r.space)) receipts[r.id] = r;
  }
  const cursors = Object.fromEntries(Object.entries(state.cursors)
    .filter(([space]) => keep.has(space)));
  const applied = Object.fromEntries(Object.entries(state.applied ?? {})
    .filter(([space]) => keep.has(space)));
  const resync = Object.fromEntries(Object.entries(state.resync ?? {})
    .filter(([space]) => keep.has(space)));
  return { ...state, cursors, receipts, applied, resync };
}

/** A live frame of another space than the held copy's replaces it only when it is newer. */
function newerElsewhere(held, r) {
  return isLive(r) && (r.updatedAt ?? 0) > (held.updatedAt ?? 0);
}

/**
 * The receipt {@code held} with delta frame {@code d} applied (docs/protocol.md "Stream"): the
 * delta's fields, the held lines but the removed ones in their order with the changed ones
 * replaced, then the added ones.
 */
export function withDelta(held, d) {
  const changed = new Map((d.lines ?? []).map((l) => [l.id, l]));
  const removed = new Set(d.removed ?? []);
  const heldIds = new Set();
  const lines = [];
  for (const l of held.lines ?? []) {
    heldIds.add(l.id);
    if (!removed.has(l.id)) lines.push(changed.get(l.id) ?? l);
  }
  for (const l of d.lines ?? []) if (!heldIds.has(l.id)) lines.push(l);
  return { ...d.receipt, lines };
}

/** True while {@code space} waits for a snapshot because a delta did not fit what was held. */
export function needsSnapshot(state, space) {
  return Boolean(state.resync?.[space]);
}

/**
 * A delta frame {space, seq, by?, id, prev, receipt, lines, removed} -> the state after it. Onto a
 * held copy at {@code prev} it is applied; a copy held in another space (the receipt moved on) or
 * already past it ({@code seq} or later) is left as it is; anything else (not held, held as an
 * occupied stub, or at another seq) puts the space in resync: cursor dropped, frames ignored until
 * its next snapshot.
 */
export function applyDelta(state, delta) {
  const space = delta.space;
  if (needsSnapshot(state, space) || delta.seq <= (state.cursors[space] ?? 0)) return state;
  const held = state.receipts[delta.id];
  const moved = held?.space && held.space !== space;
  if (moved || (held && !held.occupied && (held.seq ?? 0) >= delta.seq)) {
    return {
      ...state,
      cursors: { ...state.cursors, [space]: delta.seq },
      applied: raise(state.applied, space, delta.by?.n),
    };
  }
  if (!held || held.occupied || held.seq !== delta.prev) {
    return {
      ...state,
      cursors: without(state.cursors, space),
      resync: { ...(state.resync ?? {}), [space]: true },
    };
  }
  return applyChange(state, {
    space, seq: delta.seq, by: delta.by, receipt: withDelta(held, delta),
  });
}

/**
 * {space, seq, by?, receipt} -> the state after it; the same state when the frame was seen already.
 */
export function applyChange(state, change) {
  const space = change.space ?? change.receipt.space;
  if (needsSnapshot(state, space)) return state;
  if (change.seq <= (state.cursors[space] ?? 0)) return state;
  const receipts = { ...state.receipts };
  const r = change.receipt;
  const held = receipts[r.id];
  if (held?.space && held.space !== space && !newerElsewhere(held, r)) {
    // The receipt moved (a device's local receipts join its shop when sharing returns): the frames
    // of its old space, which may come after those of its new one, tell nothing about the copy
    // held.
  } else if (isLive(r)) receipts[r.id] = { ...r, space: r.space ?? space };
  else delete receipts[r.id];
  return {
    ...state,
    cursors: { ...state.cursors, [space]: change.seq },
    receipts,
    applied: raise(state.applied, space, change.by?.n),
  };
}

/**
 * Whether {@code receipt} is being paid at {@code now} (the server's clock): a PAYING receipt whose
 * lease has not run out. A lease without an end is this device's own, not yet answered. An expired
 * lease is free (the server never sweeps it, DESIGN "Payment lease").
 */
export function leaseActive(receipt, now) {
  const l = receipt?.state === 'PAYING' ? receipt.lease : null;
  return !!l && (l.until == null || l.until > now);
}

/**
 * The receipts list in its order: every table of the configuration in slot order (empty, mine, a
 * colleague's, or occupied by someone I may not see), then the other receipts (ad-hoc ones and
 * tables removed from the configuration while they hold lines, DESIGN rule 6), by name, numbers in
 * order. Each item: {key, slot, receipt, status: 'empty'|'mine'|'colleague'|'hidden', paying};
 * paying while its lease runs at {@code now} (the server's clock; without it, whenever a lease is
 * held).
 */
export function receiptList(receipts, slots, me, now = -Infinity) {
  const all = Object.values(receipts);
  const slotIds = new Set(slots.map((s) => s.id));
  const status = (r) => (r.occupied ? 'hidden'
    : r.ownerUserId === me?.userId ? 'mine' : 'colleague');
  const item = (slot, r) => ({
    key: slot ? 'slot:' + slot.id : r.id, slot, receipt: r,
    status: r ? status(r) : 'empty',
    paying: r?.occupied ? r.state === 'PAYING' : leaseActive(r, now),
  });
  // A table has one receipt per space: a device that parked it locally before its shop shared again
  // may hold the shop's too until its sync joins them (docs/decisions.md). The oldest is the
  // table's entry and any other is listed with the receipts, so neither is out of reach meanwhile.
  const first = new Map();
  for (const r of [...all].sort(byAge)) {
    if (r.slotId && slotIds.has(r.slotId) && !first.has(r.slotId)) first.set(r.slotId, r);
  }
  const tables = slots.map((s) => item(s, first.get(s.id) ?? null));
  // The other receipts in the order they were opened (docs/terminal.md "The list"): a rename does
  // not move one, and a new one comes last.
  const others = all
    .filter((r) => !r.slotId || first.get(r.slotId) !== r)
    .sort(byAge)
    .map((r) => item(null, r));
  return [...tables, ...others];
}

/**
 * {@code receipts} with this terminal's draft (an ad-hoc receipt it shows but has not created on
 * the server: nobody used it yet, see actions.js openAdHoc) as an empty "Sale N", N the next free
 * number, and every default name rendered in {@code lang} (a renamed receipt and a table keep their
 * name).
 */
export function named(receipts, { draft = null, slots = [], lang = 'pl', ...ctx } = {}) {
  let all = receipts;
  if (draft && !receipts[draft.id]) {
    const number = nextSaleNumber(receipts, slots);
    all = put(receipts, {
      ...newReceipt(draft.id, '', 'AD_HOC', null, ctx, number),
      createdAt: draft.createdAt,
      draft: true,
    });
  }
  const out = {};
  for (const [id, r] of Object.entries(all)) {
    out[id] = r.defaultName ? { ...r, name: receiptName(r, lang) } : r;
  }
  return out;
}

/**
 * The N of "Sale N" for a new ad-hoc receipt: the lowest whose name no receipt here nor a table of
 * {@code slots} uses, in any language (names.js; the server decides the number it keeps).
 */
export function nextSaleNumber(receipts, slots = []) {
  return lowestFree([...Object.values(receipts).flatMap(namesOf), ...slots.map((s) => s.name)]);
}
