// The preview of moving a whole receipt to another table (moveReceipt, issue 12; docs/terminal.md
// "Moving a table"), kept out of state.js: state.js's preview hands every command it does not know
// to previewMore. The receipt keeps its id, lines, owner and lease; it becomes the receipt of table
// {@code slotId} under that table's name. The server decides: a refusal (the table was taken
// meanwhile: occupied) leaves the receipt where it was once the answer drops the command.

/**
 * {@code receipts} after {@code entry} (an outbox entry) when it is a command of this module,
 * else {@code receipts} as they are. {@code ctx.aliases}: alias id -> receipt id (outbox.js).
 */
export function previewMore(receipts, entry, ctx = {}) {
  const c = entry.command;
  if (c.type !== 'moveReceipt') return receipts;
  const r = receipts[c.receiptId] ?? receipts[ctx.aliases?.[c.receiptId]] ?? null;
  if (!r || r.occupied || r.slotId === c.slotId) return receipts;
  // Another receipt already on that table: the server refuses (occupied); nothing moves here.
  if (Object.values(receipts).some((x) => x.slotId === c.slotId && x.id !== r.id)) return receipts;
  const name = entry.about?.targetName ?? r.name;
  return { ...receipts, [r.id]: { ...r, slotId: c.slotId, kind: 'TABLE', name, defaultName: null,
    preview: true } };
}
