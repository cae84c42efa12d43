// The preview of this device's unconfirmed commands (outbox.js) over the receipts the stream brought
// (state.js): what the cashier sees of their own edits at once, offline too, until the server's frame
// for them arrives. One case per command, priced as the server will (discounts.js); what it cannot
// know is left to the server's answer.
import { priceReceipt } from './discounts.js';
import { modifiedPrice } from './modifiers.js';
import { previewMore } from './table-moves.js';
import { lineChange } from './kitchen-lines.js';
import { mergeTarget } from './line-merge.js';

/**
 * The receipts as the cashier should see them: the server's, with {@code entries} (unconfirmed
 * commands, lowest number first) applied in order, but for those the server's receipts already
 * contain (see {@link held}): they stay in the outbox until their answer (a refusal is still told).
 * {@code ctx} = {me: {userId, roleId}, deviceId, products: Map id -> product, groups: Map id ->
 * modifier group, aliases: {aliasId: receiptId}} (outbox.js, step 5). A receipt a command touched
 * gets {preview: true}. {@code out.aliases}, when given, receives the aliases known after the
 * replay: a table this device is opening that the stream already shows (its frame came before the
 * answer) is known by its real id there before the answer names it.
 */
export function preview(state, entries, ctx = {}, out = null) {
  const run = { ...ctx, aliases: { ...(ctx.aliases ?? {}) } };
  let receipts = state.receipts;
  for (const entry of entries) {
    if (!held(receipts, entry, state.applied ?? {}, run)) {
      receipts = applyCommand(receipts, entry, run);
    }
    // A table opened here is in the server's receipts: the replay still learns its alias from it.
    else if (entry.command.type === 'openTable') applyCommand(receipts, entry, run);
  }
  if (out) out.aliases = run.aliases;
  return receipts;
}

/**
 * Whether the server's receipts already contain {@code entry}: every space holding a receipt it
 * names (its receipt, target, line, or table) has brought an own command numbered at least as high.
 * A command whose receipts are not known here is replayed as before (creating again is a no-op).
 */
function held(receipts, entry, applied, ctx) {
  const c = entry.command;
  const named = [byId(receipts, c.receiptId, ctx), byId(receipts, c.targetReceiptId, ctx),
    c.lineId != null ? receiptOfLine(receipts, c.lineId) : null,
    c.type === 'openTable' ? tableReceipt(receipts, c.slotId) : null];
  const spaces = new Set(named.filter((r) => r?.space).map((r) => r.space));
  return spaces.size > 0 && [...spaces].every((space) => (applied[space] ?? 0) >= entry.number);
}

/** The open receipt of a table, whatever its id (both terminals' starts end up on one receipt). */
export function tableReceipt(receipts, slotId) {
  return Object.values(receipts).filter((r) => r.slotId === slotId).sort(byAge)[0] ?? null;
}

/** Oldest first (then by id, so every terminal orders alike). */
export function byAge(a, b) {
  return (a.createdAt ?? 0) - (b.createdAt ?? 0) || a.id.localeCompare(b.id);
}

/** The receipt holding line {@code lineId}, or null. */
export function receiptOfLine(receipts, lineId) {
  return Object.values(receipts).find((r) => r.lines?.some((l) => l.id === lineId)) ?? null;
}

/** Lines, discounts and totals priced again after an edit, as the server will (discounts.js). */
function retotal(receipt) {
  return { ...priceReceipt(receipt), preview: true };
}

/**
 * The modifiers of an addLine ({@code optionIds}) as the line view shows them, from {@code groups}
 * (Map id -> the configuration's modifier group) of the product's groups, in their order.
 */
function modifiersOf(product, optionIds, groups) {
  const picked = new Set(optionIds ?? []);
  if (picked.size === 0 || !product) return [];
  return (product.groups ?? []).map((id) => groups?.get?.(id)).filter((g) => g)
    .flatMap((g) => (g.options ?? []).filter((o) => picked.has(o.id))
      .map((o) => ({
        groupId: g.id, optionId: o.id, group: g.name, name: o.name, delta: o.delta,
      })));
}

/** A discount command's discount ({kind, value, reason}; kind null removes it: null). */
function discountOf(c) {
  return c.kind ? { kind: c.kind, value: c.value, reason: c.reason ?? null } : null;
}

function byId(receipts, id, ctx) {
  return receipts[id] ?? receipts[ctx.aliases[id]] ?? null;
}

/**
 * A receipt this device is creating; {@code number}: the N of its "Sale N" until the server names
 * it.
 */
export function newReceipt(id, name, kind, slotId, ctx, number = null) {
  return {
    id, name: name ?? '', defaultName: number != null ? { number, recovered: false } : null,
    kind, slotId: slotId ?? null, state: 'OPEN', space: null,
    ownerUserId: ctx.me?.userId ?? null, ownerRoleId: ctx.me?.roleId ?? null,
    createdOnDevice: ctx.deviceId ?? null, attention: false, note: null, guests: 0, lease: null,
    lines: [], discount: null, discountTotal: 0, total: 0, seq: 0, preview: true,
  };
}

export function put(receipts, receipt) {
  return { ...receipts, [receipt.id]: receipt };
}

export function without(receipts, id) {
  const copy = { ...receipts };
  delete copy[id];
  return copy;
}

function editLines(receipts, receipt, fn) {
  return put(receipts, retotal({ ...receipt, lines: fn(receipt.lines) }));
}

function withLine(receipts, lineId, fn) {
  const r = receiptOfLine(receipts, lineId);
  return r ? editLines(receipts, r, (lines) => fn(lines)) : receipts;
}

function patch(receipts, id, ctx, fields) {
  const r = byId(receipts, id, ctx);
  return r && !r.occupied ? put(receipts, { ...r, ...fields, preview: true }) : receipts;
}

// One case per command the terminal makes (docs/protocol.md "Command reference"). What the preview
// cannot know (a refusal, where a late line lands, the server's name for a new sale) is left to the
// server's answer.
function applyCommand(receipts, entry, ctx) {
  const c = entry.command;
  switch (c.type) {
    case 'openAdHoc':
      return receipts[c.receiptId] ? receipts : put(receipts,
        newReceipt(c.receiptId, entry.about?.receiptName, 'AD_HOC', null, ctx,
          entry.about?.number));
    case 'openTable': {
      const open = tableReceipt(receipts, c.slotId);
      if (open) {
        if (entry.alias) ctx.aliases[entry.alias] = open.id;
        return receipts;
      }
      // Answered but not yet on the stream: the answer named the real id, under which the cashier's
      // terminal now knows the table (the current receipt among others).
      const id = (entry.alias && ctx.aliases[entry.alias]) || entry.alias || 'slot:' + c.slotId;
      return put(receipts, newReceipt(id, entry.about?.receiptName, 'TABLE', c.slotId, ctx));
    }
    case 'addLine': {
      const r = byId(receipts, c.receiptId, ctx);
      if (!r?.lines || r.lines.some((l) => l.id === c.lineId)) return receipts;
      const product = c.productId != null ? ctx.products?.get?.(c.productId) : null;
      // The server's price: the product's in this shop plus the chosen options' deltas.
      const modifiers = modifiersOf(product, c.modifiers, ctx.groups);
      const line = {
        id: c.lineId, productId: c.productId ?? null, name: c.name ?? product?.name ?? '',
        unitPrice: c.unitPrice ?? modifiedPrice(product?.price ?? 0, modifiers),
        quantity: c.quantity ?? 1000, vat: c.vat ?? product?.vat ?? '23',
        note: c.note ?? null, sent: false, modifiers, discount: null, total: 0,
        course: c.course ?? null, seat: c.seat ?? null,
      };
      const same = mergeTarget(r.lines, c, line.unitPrice, ctx);
      if (same) {
        return editLines(receipts, r, (lines) => lines
          .map((l) => (l.id === same.id ? { ...l, quantity: l.quantity + line.quantity } : l)));
      }
      return editLines(receipts, r, (lines) => [...lines, line]);
    }
    case 'adjustQuantity':
      return withLine(receipts, c.lineId, (lines) => lines
        .map((l) => (l.id === c.lineId
          ? { ...l, quantity: Math.max(1, l.quantity + c.delta) }
          : l)));
    case 'removeLine':
      return withLine(receipts, c.lineId, (lines) => lines.filter((l) => l.id !== c.lineId));
    case 'markSent': {
      // Only the lines the command names (all of them without a list): a line a colleague added
      // meanwhile was not seen here and is not sent by this tap.
      const r = byId(receipts, c.receiptId, ctx);
      if (!r?.lines) return receipts;
      const sent = c.lineIds ? new Set(c.lineIds) : null;
      return editLines(receipts, r,
        (lines) => lines.map((l) => (!sent || sent.has(l.id) ? { ...l, sent: true } : l)));
    }
    case 'changePrice':
      return withLine(receipts, c.lineId, (lines) => lines
        .map((l) => (l.id === c.lineId ? { ...l, unitPrice: c.unitPrice } : l)));
    case 'setLineDiscount':
      return withLine(receipts, c.lineId, (lines) => lines.map((l) => (l.id === c.lineId
        ? { ...l, discount: discountOf(c) } : l)));
    case 'setReceiptDiscount': {
      const r = byId(receipts, c.receiptId, ctx);
      return r?.lines ? put(receipts, retotal({ ...r, discount: discountOf(c) })) : receipts;
    }
    case 'noteLine':
      return withLine(receipts, c.lineId,
        (lines) => lines.map((l) => (l.id === c.lineId ? { ...l, note: c.note || null } : l)));
    case 'noteReceipt':
      return patch(receipts, c.receiptId, ctx, { note: c.note || null });
    case 'setGuests':
      return patch(receipts, c.receiptId, ctx, { guests: c.guests });
    case 'rename':
      // The cashier's name now.
      return patch(receipts, c.receiptId, ctx, { name: c.name, defaultName: null });
    case 'reassign':
      return patch(receipts, c.receiptId, ctx, { ownerUserId: c.userId });
    case 'startPayment':
      return patch(receipts, c.receiptId, ctx,
        { state: 'PAYING', lease: { deviceId: ctx.deviceId, userId: ctx.me?.userId } });
    case 'cancelPayment':
    case 'breakLease':
      return patch(receipts, c.receiptId, ctx, { state: 'OPEN', lease: null });
    case 'delete':
    case 'pay':
    case 'payOffline': {
      const r = byId(receipts, c.receiptId, ctx);
      return r ? without(receipts, r.id) : receipts;
    }
    case 'moveLines': {
      const from = byId(receipts, c.receiptId, ctx);
      if (!from?.lines) return receipts;
      // A part names a line and, to split a quantity, how much moves under a new line id.
      const parts = new Map(c.lines.map((p) => [p.lineId, p]));
      const moving = [];
      const next = editLines(receipts, from, (lines) => lines.flatMap((l) => {
        const part = parts.get(l.id);
        if (!part) return [l];
        const q = part.quantity ?? l.quantity;
        if (q >= l.quantity) {
          moving.push(l);
          return [];
        }
        moving.push({ ...l, id: part.newLineId, quantity: q });
        return [{ ...l, quantity: l.quantity - q }];
      }));
      const to = byId(next, c.targetReceiptId, ctx)
        ?? (c.newTarget
          ? newReceipt(c.targetReceiptId, entry.about?.targetName, 'AD_HOC', null, ctx,
            entry.about?.targetNumber)
          : null);
      return to ? editLines(next, to, (lines) => [...lines, ...moving]) : next;
    }
    case 'merge': {
      const from = byId(receipts, c.receiptId, ctx);
      const into = byId(receipts, c.targetReceiptId, ctx);
      if (!from?.lines || !into?.lines) return receipts;
      // As the server merges: the source's note after the target's, the guests added.
      const note = [into.note, from.note].filter((n) => n).join(' · ') || null;
      const merged = { ...into, note, guests: (into.guests ?? 0) + (from.guests ?? 0) };
      return editLines(without(receipts, from.id), merged, (lines) => [...lines, ...from.lines]);
    }
    default: {
      // Course and seat (kitchen-lines.js); the rest (moveReceipt) in table-moves.js.
      const change = lineChange(c);
      return change ? withLine(receipts, c.lineId,
        (lines) => lines.map((l) => (l.id === c.lineId ? change(l) : l))) : previewMore(receipts, entry, ctx);
    }
  }
}
