// A product tapped again adds to its line (issue 15; docs/protocol.md "Configuration", mergeLines):
// the server decides (LineRules.mergeTarget) and answers the line that grew; this is the preview's
// and the receipt panel's guess of the same, so the tapped line grows at once, offline too.

/**
 * The line of {@code lines} an addLine {@code command} adds to, or null: with {@code mergeLines} on,
 * a catalog product without its own price, note or modifiers, onto its line not sent to the kitchen
 * at {@code unitPrice} with no note, no modifiers and no discount, of the same course and seat (a
 * command without a course takes the product's, as the line already on the receipt did), while the
 * sum stays within {@code maxQuantity}.
 */
export function mergeTarget(lines, command, unitPrice, { mergeLines = false, maxQuantity = Infinity } = {}) {
  if (!mergeLines || command.productId == null || command.unitPrice != null) return null;
  if ((command.note ?? '').trim() !== '' || (command.modifiers ?? []).length > 0) return null;
  const quantity = command.quantity ?? 1000;
  return (lines ?? []).find((l) => !l.sent && l.productId === command.productId
    && l.unitPrice === unitPrice && (l.note ?? '').trim() === '' && (l.modifiers ?? []).length === 0
    && !l.discount && (command.course == null || l.course === command.course)
    && (l.seat ?? null) === (command.seat ?? null)
    && l.quantity + quantity <= maxQuantity) ?? null;
}
