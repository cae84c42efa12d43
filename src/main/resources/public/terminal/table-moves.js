// The preview of moving a whole receipt to another table (moveReceipt, issue 12; docs/terminal.md
// "Moving a table"), kept out of state.js: state.js's preview hands every command it does not know
// to previewMore. The server moves the lines to the table's own receipt (another id) and deletes the
// old one; the command's alias is the old id (floor-actions.js), so once the answer named the new id
// (ctx.aliases) the preview shows the receipt under it, where the current receipt now points, until
// the stream brings it. The server decides: a refusal (the table was taken meanwhile: occupied)
// leaves the receipt where it was once the answer drops the command.

/**
 * {@code receipts} after {@code entry} (an outbox entry) when it is a command of this module,
 * else {@code receipts} as they are. {@code ctx.aliases}: alias id -> receipt id (outbox.js).
 */
export function previewMore(receipts, entry, ctx = {}) {
  const c = entry.command;
  if (c.type !== 'moveReceipt') return receipts;
  const real = (entry.alias && ctx.aliases?.[entry.alias]) || null;
  const r = receipts[c.receiptId] ?? (real ? null : receipts[ctx.aliases?.[c.receiptId]]) ?? null;
  if (real && receipts[real] && real !== c.receiptId) {
    // The table's receipt is here already (the stream brought it): the old one is gone or going.
    return r && r.id !== real ? without(receipts, r.id) : receipts;
  }
  if (!r || r.occupied || r.slotId === c.slotId) return receipts;
  // Another receipt already on that table: the server refuses (occupied); nothing moves here.
  if (Object.values(receipts).some((x) => x.slotId === c.slotId && x.id !== r.id)) return receipts;
  const id = real ?? r.id;
  return { ...without(receipts, r.id), [id]: { ...r, id, slotId: c.slotId, kind: 'TABLE',
    name: entry.about?.targetName ?? r.name, defaultName: null, preview: true } };
}

function without(receipts, id) {
  const copy = { ...receipts };
  delete copy[id];
  return copy;
}
