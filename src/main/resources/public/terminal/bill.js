// The bill's arithmetic as the payment dialog previews it (issue 12): quick cash amounts, the next
// even part, a tip, the seats of a receipt. The server computes every amount again (BillRules):
// these are only what the cashier sees before the answer.

/** The notes a guest hands over, in grosze: 20, 50, 100, 200 zł. */
export const NOTES = [2000, 5000, 10000, 20000];

/**
 * Quick cash: the exact amount, then for each note the smallest whole number of such notes above
 * the amount due (37,50 zł: 40, 50, 100, 200 zł), ascending, each once.
 */
export function quickCash(due) {
  if (!(due > 0)) return [];
  const above = NOTES.map((n) => Math.floor(due / n) * n + n).filter((a) => a > due);
  return [due, ...[...new Set(above)].sort((a, b) => a - b)];
}

/** The next of {@code parts} equal parts of what is left: ceil(left / parts), as the server's. */
export function evenPart(left, parts) {
  if (!(parts >= 1)) return left;
  return Math.floor(left / parts) + (left % parts === 0 ? 0 : 1);
}

/**
 * A tip in grosze: {amount}, or {percent} in hundredths of a percent of {@code base}, rounded half
 * up to the grosz (the server's rule). None: 0.
 */
export function tipAmount(tip, base) {
  if (!tip) return 0;
  if (tip.amount != null) return tip.amount;
  if (tip.percent != null) return Math.floor((base * tip.percent + 5000) / 10000);
  return 0;
}

/** The receipt's lines by seat, seats ascending; lines without a seat under null, first. */
export function seatGroups(receipt) {
  const groups = new Map();
  for (const l of receipt?.lines ?? []) {
    const seat = l.seat ?? null;
    if (!groups.has(seat)) groups.set(seat, []);
    groups.get(seat).push(l);
  }
  return [...groups.entries()].sort(([a], [b]) => (a ?? -1) - (b ?? -1))
    .map(([seat, lines]) => ({ seat, lines }));
}
