// Day close on the terminal: what is still open before the close (from the receipts this terminal
// shows), and the report the server answered, as rows to show and print. Pure functions.

/**
 * The receipts still open ({@code receipts}: the view's receipts by id): those OPEN or PAYING with
 * at least one line, which the cashier can see (an occupied table of a colleague carries no
 * contents). {count, total, names} in grosze, names in the list's order (by name).
 */
export function openReceipts(receipts) {
  const open = Object.values(receipts ?? {})
    .filter((r) => !r.occupied && (r.state === 'OPEN' || r.state === 'PAYING')
      && (r.lines ?? []).length > 0)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return {
    count: open.length,
    total: open.reduce((sum, r) => sum + (r.total ?? 0), 0),
    names: open.map((r) => r.name),
  };
}

/**
 * The VAT rows of a report with their label: "23%", or the exempt word for ZW; {@code field}
 * "correctionsVat" for what corrections (voids after payment) took back, by rate.
 */
export function vatRows(report, exempt, field = 'vat') {
  return (report?.[field] ?? []).map((v) => ({ ...v, label: v.vat === 'ZW' ? exempt : v.vat + '%' }));
}

/** The payment methods of a report in the server's order: [{method, amount}]. */
export function methodRows(report) {
  return Object.entries(report?.methods ?? {}).map(([method, amount]) => ({ method, amount }));
}
